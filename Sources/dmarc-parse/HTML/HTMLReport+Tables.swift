import DMARC

extension HTMLReport {
    /// The audit: one row per sender and `header_from` domain, marked by whether something must be done.
    var auditSection: String {
        var table = HTMLTable(id: "table-audit", caption: "Senders, with what to fix (orange: action needed)",
                              columns: [.text("sender"), .text("header_from"), .text("verdict"), .number("sources"),
                                        .number("messages"), .number("failing"), .number("pass %"), .text("action")],
                              limit: topRows, filterable: true)
        for verdict in audit.verdicts {
            table.append([.text(verdict.sender.name), .text(verdict.headerFrom), .text(verdict.diagnosis.verdict),
                          .number(UInt64(verdict.sources.count)), .number(verdict.totals.messages),
                          .number(verdict.totals.dmarcFail), .percent(verdict.totals.dmarcPass, of: verdict.totals.messages),
                          .text(verdict.action)],
                         styleClass: verdict.diagnosis.needsAction ? "act" : "ok")
        }
        return "<section id=\"audit\"><h2>Senders</h2><p class=\"note\">\(HTMLText.grouped(audit.senderCount)) senders, "
            + "\(HTMLText.grouped(audit.sendersNeedingAction)) need action.</p>" + table.html + "</section>"
    }

    /// Sources with failing messages, most failing first.
    var failingSources: String {
        let failing = totals.sourceRows.filter { $0.totals.totals.dmarcFail > 0 }.sorted {
            ($0.totals.totals.dmarcFail, $1.source) > ($1.totals.totals.dmarcFail, $0.source)
        }
        // With enrichment: who the source is (PTR name, service), its network and country, after the address.
        let who: [HTMLTable.Column] = enrichment == nil ? [] : [.text("name"), .text("network"), .text("country")]
        var table = HTMLTable(id: "table-sources", caption: "Sources of messages failing DMARC",
                              columns: [.text("source")] + who + [.number("messages"), .number("failing"),
                                        .number("pass %"), .text("header_from"), .text("reporters")],
                              limit: topRows, filterable: true)
        for (source, sourceTotals) in failing {
            var row: [HTMLTable.Cell] = [.key(source.text)]
            if let enrichment {
                let known = enrichment[source] ?? SourceEnrichment()
                let name = [known.ptr.map { $0 + (known.ptrConfirmed == true ? "" : " (unconfirmed)") }, known.service]
                row += [.text(name.compactMap { $0 }.joined(separator: ", ")),
                        .text(known.asn.map { "AS\($0)" + (known.asName.map { " \($0)" } ?? "") } ?? ""),
                        .text(known.country ?? "")]
            }
            table.append(row + [.number(sourceTotals.totals.messages), .number(sourceTotals.totals.dmarcFail),
                                .percent(sourceTotals.totals.dmarcPass, of: sourceTotals.totals.messages),
                                .text(sourceTotals.headerFromDomains.sorted().joined(separator: ", ")),
                                .text(sourceTotals.reporters.sorted().joined(separator: ", "))])
        }
        return "<section id=\"sources\"><h2>Top failing sources</h2>" + table.html + "</section>"
    }

    /// Reporters by volume.
    var reporters: String {
        var table = HTMLTable(id: "table-reporters", caption: "Reporters by messages",
                              columns: [.text("reporter"), .number("reports"), .number("messages"), .number("pass %"),
                                        .text("domains")],
                              limit: topRows, filterable: true)
        for (reporter, reporterTotals) in totals.reporterRows {
            table.append([.text(reporter), .number(UInt64(reporterTotals.reports)), .number(reporterTotals.totals.messages),
                          .percent(reporterTotals.totals.dmarcPass, of: reporterTotals.totals.messages),
                          .text(reporterTotals.policyDomains.sorted().joined(separator: ", "))])
        }
        return "<section id=\"reporters\"><h2>Reporters</h2>" + table.html + "</section>"
    }

    /// The published policy (`p`, `pct`) each domain's reports found, one row per stretch where it stayed the same.
    var policies: String {
        var table = HTMLTable(id: "table-policies", caption: "Published policy as reporters found it, and when it changed",
                              columns: [.text("domain"), .text("from"), .text("to"), .text("p"), .text("pct")])
        for domain in timeline.domains {
            var current: (from: String, to: String, policies: [Timeline.PolicySeen])?
            for row in rows where row.domain == domain && !row.policies.isEmpty {
                if let open = current, open.policies == row.policies {
                    current?.to = row.label
                    continue
                }
                if let open = current { table.append(Self.policyRow(domain, open)) }
                current = (row.label, row.label, row.policies)
            }
            if let open = current { table.append(Self.policyRow(domain, open)) }
        }
        return "<section id=\"policies\"><h2>Published policies</h2><p class=\"note\">Periods without a report continue "
            + "the stretch before them; a period whose reporters saw different policies lists them all.</p>"
            + table.html + "</section>"
    }

    private static func policyRow(_ domain: String, _ stretch: (from: String, to: String, policies: [Timeline.PolicySeen]))
        -> [HTMLTable.Cell] {
        [.text(domain), .key(stretch.from), .key(stretch.to),
         .text(Array(Set(stretch.policies.map { $0.p ?? "(none given)" })).sorted().joined(separator: ", ")),
         .text(Array(Set(stretch.policies.map { $0.pct.map(String.init) ?? "(none given)" })).sorted().joined(separator: ", "))]
    }
}
