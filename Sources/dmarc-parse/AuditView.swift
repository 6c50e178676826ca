import DMARC

/// `--audit`: one row per sender and `header_from` domain, with a verdict and what to fix.
///
/// The table format, for people, shows short sender names and the columns that fit a terminal; its closing
/// summary says what to fix. tsv, csv and the JSON formats carry every column, for scripts: a stable `diagnosis`
/// code, `needs_action`, the full domain lists and `top_sources` as `{"ip", "messages"}` objects in JSON.
enum AuditView {
    /// The columns of tsv, csv, json and ndjson.
    static let columns: [Table.Column] = [
        .text("sender"), .text("header_from"), .text("diagnosis"), .text("verdict"), .text("needs_action"),
        .text("service"), .text("dkim_domains"), .text("spf_domains"), .number("sources"), .text("top_sources"),
        .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"), .number("pass_percent"),
        .number("forwarded_messages"), .number("forwarded_percent"), .text("action"),
    ]

    /// The columns of the table format.
    static let tableColumns: [Table.Column] = [
        .text("sender"), .text("header_from"), .text("verdict"), .number("messages"), .number("dmarc_fail"),
        .number("pass_percent"), .number("forwarded_percent"), .number("sources"), .text("top_sources"),
    ]

    /// Sources listed by name in `top_sources` (JSON lists up to `jsonTopSources`).
    static let textTopSources = 3
    static let jsonTopSources = 10

    /// The rows; with `enrichment` (who each source is), each top source says it too.
    static func table(_ audit: SenderAudit, for format: OutputFormat,
                      enrichment: [SourceIP: SourceEnrichment]? = nil) -> Table {
        let forPeople = format == .table
        var table = Table(columns: forPeople ? tableColumns : columns)
        for verdict in audit.verdicts {
            let diagnosis = verdict.diagnosis
            let top = topSources(verdict, json: format == .json || format == .ndjson, enrichment: enrichment)
            let passPercent = Cell.decimal(verdict.totals.messages == 0 ? 100
                                               : Percentage.of(verdict.totals.dmarcPass, verdict.totals.messages),
                                           digits: 1)
            let forwardedPercent = Cell.decimal(Percentage.of(verdict.forwardedMessages, verdict.totals.messages),
                                                digits: 1)
            if forPeople {
                table.rows.append([
                    .text(verdict.sender.name), .text(verdict.headerFrom), .text(diagnosis.verdict),
                    .number(verdict.totals.messages), .number(verdict.totals.dmarcFail), passPercent,
                    forwardedPercent, .number(UInt64(verdict.messagesBySource.count)), top,
                ])
                continue
            }
            table.rows.append([
                .text(verdict.sender.name), .text(verdict.headerFrom), .text(diagnosis.rawValue),
                .text(diagnosis.verdict), .bool(diagnosis.needsAction), .optional(verdict.sender.service),
                .list(verdict.sender.dkimDomains, separator: ","), .list(verdict.sender.spfDomains, separator: ","),
                .number(UInt64(verdict.messagesBySource.count)), top,
                .number(verdict.totals.messages), .number(verdict.totals.dmarcPass), .number(verdict.totals.dmarcFail),
                passPercent, .number(verdict.forwardedMessages), forwardedPercent, .text(verdict.action),
            ])
        }
        return table
    }

    /// The largest sources: `{"ip", "messages"}` objects in JSON (the count of all is in `sources`); in text
    /// `192.0.2.1 (35), 192.0.2.2 (3), +12 more`. With `enrichment`, the objects add the `EnrichmentView` members
    /// (`ptr` … `country`) and the text what is known: `192.0.2.1 (35; SendGrid; AS64501 SendGrid, Inc.; DE)`.
    static func topSources(_ verdict: SenderVerdict, json: Bool,
                           enrichment: [SourceIP: SourceEnrichment]? = nil) -> Cell {
        let shown = verdict.topSources(json ? jsonTopSources : textTopSources)
        let sourceCount = verdict.messagesBySource.count
        let text = shown.map { source -> String in
            let known = enrichment.map { EnrichmentView.text($0[source.source] ?? SourceEnrichment()) } ?? ""
            return "\(source.source.text) (\(source.messages)\(known.isEmpty ? "" : "; " + known))"
        } + (sourceCount > shown.count ? ["+\(sourceCount - shown.count) more"] : [])
        let objects: [[(key: String, value: Cell)]] = shown.map { source in
            [("ip", .text(source.source.text)), ("messages", .number(source.messages))]
                + (enrichment.map { EnrichmentView.members($0[source.source] ?? SourceEnrichment()) } ?? [])
        }
        return json ? .objects(objects, textForm: text.joined(separator: ", ")) : .list(text, separator: ", ")
    }

    /// The closing lines of the table format, in plain language.
    static func summary(_ audit: SenderAudit) -> String {
        let totals = audit.totals
        let share = Percentage.of(totals.dmarcFail, totals.messages)
        var text = "\n\(plural(audit.senderCount, "sender")), \(audit.sendersNeedingAction) need"
            + "\(audit.sendersNeedingAction == 1 ? "s" : "") action; "
            + "\(grouped(totals.dmarcFail)) of \(grouped(totals.messages)) messages "
            + "(\(formatDecimal(share, digits: 1)) %) fail DMARC and would be rejected under p=reject.\n"
        for verdict in audit.verdicts where verdict.diagnosis.needsAction {
            text += "- \(verdict.sender.name) sending as \(verdict.headerFrom): \(verdict.diagnosis.verdict): "
                + "\(verdict.action).\n"
        }
        return text
    }

    /// Stderr lines for `--fail-on-gaps`.
    static func gaps(_ audit: SenderAudit) -> [String] {
        audit.verdicts.filter { $0.diagnosis.needsAction }.map {
            "\($0.sender.name) sending as \($0.headerFrom): \($0.diagnosis.verdict) (\(grouped($0.totals.dmarcFail)) failing messages)"
        }
    }

    /// 41230 → `41,230`.
    static func grouped(_ number: UInt64) -> String { NumberText.grouped(number) }
}
