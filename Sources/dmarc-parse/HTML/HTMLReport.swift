import DMARC

/// `--html`: one self-contained page — headline figures, charts per day drawn as inline SVG, each with its numbers
/// in a table, the audit, failing sources, reporters and published policies. No network, no external file; every
/// string from a report is escaped.
struct HTMLReport {
    let totals: ReportTotals
    let timeline: Timeline
    let audit: SenderAudit
    let reportCount: Int
    let duplicateCount: Int
    let filesRead: Int
    let filesFailed: Int
    /// Rows shown in the long tables (senders, sources, reporters); the rest are counted.
    var topRows = 50
    /// Policy domains with a chart of their own, by messages; the others are named in a note.
    var chartedDomains = 6
    let rows: [TimelineRow]
    let periods: [Int64]
    /// The filters the numbers went through, for a line under the title (nil: none).
    var filters: String?
    /// Who each source is, when enrichment is on (`--enrich`, `--ip-db`): the failing sources show it.
    let enrichment: [SourceIP: SourceEnrichment]?

    init(totals: ReportTotals, timeline: Timeline, reportCount: Int, duplicateCount: Int, filesRead: Int,
         filesFailed: Int, filter: ReportFilter = .init(), enrichment: [SourceIP: SourceEnrichment]? = nil) {
        self.totals = totals
        self.timeline = timeline
        self.enrichment = enrichment
        audit = SenderAudit(totals.audit, enrichment: enrichment ?? [:])
        self.reportCount = reportCount
        self.duplicateCount = duplicateCount
        self.filesRead = filesRead
        self.filesFailed = filesFailed
        filters = Self.describe(filter)
        rows = timeline.rows
        periods = timeline.periodStarts
    }

    var html: String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
            + "<title>DMARC report \(HTMLText.escape(coveredText))</title><style>\(HTMLStyle.css)</style></head><body>\n"
        page += "<header><h1>DMARC aggregate reports</h1><p class=\"sub\">\(HTMLText.escape(coveredText)) (\(periodNoun)s in \(HTMLText.escape(zoneName)))</p></header>\n"
        if let filters { page += "<p class=\"note\" id=\"filters\">Only \(HTMLText.escape(filters)).</p>\n" }
        page += headline + "\n"
        page += messagesPerDay + "\n" + passRatePerDay + "\n" + dispositionsPerDay + "\n" + authentication + "\n"
        page += auditSection + "\n" + failingSources + "\n" + reporters + "\n" + policies + "\n"
        page += "<footer>Made by dmarc-parse \(DMARCVersion.current). Periods are \(periodNoun)s in "
            + "\(HTMLText.escape(zoneName)); a report covering several periods is spread over "
            + "them in proportion to the time it covers (largest remainder, so the counts add up exactly). Duplicate "
            + "reports and reports that could not be read count nowhere.</footer>\n"
        page += "<script>\(HTMLStyle.script)</script>\n</body></html>\n"
        return page
    }

    /// `records failing DMARC; from 192.0.2.0/24; reports for example.com; …`, or nil without filters.
    static func describe(_ filter: ReportFilter) -> String? {
        var parts: [String] = []
        if filter.onlyFailing { parts.append("records failing DMARC") }
        if !filter.includedSources.isEmpty { parts.append("records from " + filter.includedSources.map(\.description).joined(separator: ", ")) }
        if !filter.excludedSources.isEmpty { parts.append("records not from " + filter.excludedSources.map(\.description).joined(separator: ", ")) }
        if !filter.policyDomains.isEmpty { parts.append("reports for " + filter.policyDomains.sorted().joined(separator: ", ")) }
        if !filter.reporters.isEmpty { parts.append("reports from " + filter.reporters.sorted().joined(separator: ", ")) }
        if let since = filter.since { parts.append("reports beginning at or after " + iso8601(since)) }
        if let until = filter.until { parts.append("reports beginning before " + iso8601(until)) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    var periodNoun: String { timeline.calendar.length.rawValue }
    /// The zone's name as given (Foundation calls UTC `GMT`).
    var zoneName: String {
        let identifier = timeline.calendar.timeZone.identifier
        return identifier == "GMT" ? "UTC" : identifier
    }
    var labels: [String] { periods.map(timeline.calendar.label) }

    var coveredText: String {
        guard let first = labels.first, let last = labels.last else { return "no reports" }
        return first == last ? first : "\(first) to \(last)"
    }

    /// Sums of all domains, per period.
    var totalsPerPeriod: [TimelineCounts] {
        var totals: [Int64: TimelineCounts] = [:]
        for row in rows { totals[row.start, default: TimelineCounts()].add(row.counts) }
        return periods.map { totals[$0] ?? TimelineCounts() }
    }

    private var headline: String {
        let messages = totals.reporters.values.reduce(into: MessageTotals()) { $0.add($1.totals) }
        let domains = Set(totals.reporters.values.flatMap(\.policyDomains)).count
        let figures: [(String, String)] = [
            ("Messages", HTMLText.grouped(messages.messages)),
            ("DMARC pass", HTMLText.percent(messages.dmarcPass, of: messages.messages)),
            ("Failing DMARC", HTMLText.grouped(messages.dmarcFail)),
            ("Policy domains", HTMLText.grouped(domains)),
            ("Reporters", HTMLText.grouped(totals.reporters.count)),
            ("Reports", HTMLText.grouped(reportCount)
                + (duplicateCount > 0 ? " <small>+\(HTMLText.grouped(duplicateCount)) duplicate</small>" : "")),
            ("Period", "\(HTMLText.grouped(periods.count)) \(periodNoun)\(periods.count == 1 ? "" : "s")"),
            ("Files read", HTMLText.grouped(filesRead)),
            ("Files failed", HTMLText.grouped(filesFailed)),
        ]
        return "<section id=\"headline\"><dl class=\"figures\">"
            + figures.map { "<div><dt>\($0.0)</dt><dd id=\"figure-\($0.0.lowercased().replacing(" ", with: "-"))\">\($0.1)</dd></div>" }
                .joined()
            + "</dl></section>"
    }

    static func legend(_ items: [(String, String)]) -> String {
        "<div class=\"legend\" aria-hidden=\"true\">"
            + items.map { "<span style=\"--c:var(--\($0.1))\">\(HTMLText.escape($0.0))</span>" }.joined() + "</div>"
    }

    private var messagesPerDay: String {
        let byDomain = Dictionary(grouping: rows, by: \.domain)
        let ranked = timeline.domains.sorted {
            let a = byDomain[$0, default: []].lazy.map(\.counts.messages).saturatingSum
            let b = byDomain[$1, default: []].lazy.map(\.counts.messages).saturatingSum
            return (a, $1) > (b, $0)
        }
        var html = "<section id=\"messages\"><h2>Messages per \(periodNoun), passing and failing DMARC</h2>"
        html += Self.legend([("passing DMARC", "pass"), ("failing DMARC", "fail")])
        let series = [SVGChart.Series(name: "passing", styleClass: "s-pass"), .init(name: "failing", styleClass: "s-fail")]
        for (index, domain) in ranked.prefix(chartedDomains).enumerated() {
            let domainRows = byDomain[domain, default: []].sorted { $0.start < $1.start }
            html += "<h3>\(HTMLText.escape(domain.isEmpty ? "(no domain)" : domain))</h3>"
            html += SVGChart.stackedBars(id: "chart-messages-\(index)", title: "Messages per \(periodNoun) for \(domain)",
                                         labels: labels, series: series,
                                         values: domainRows.map { [$0.counts.dmarcPass, $0.counts.dmarcFail] })
            var table = HTMLTable(id: "table-messages-\(index)", caption: "Messages per \(periodNoun) for \(domain)",
                                  columns: [.text(periodNoun), .number("messages"), .number("passing"),
                                            .number("failing"), .number("pass %"), .number("reports")])
            for row in domainRows {
                table.append([.key(row.label), .number(row.counts.messages), .number(row.counts.dmarcPass),
                              .number(row.counts.dmarcFail), .percent(row.counts.dmarcPass, of: row.counts.messages),
                              .number(UInt64(row.reports))])
            }
            html += table.html
        }
        if ranked.count > chartedDomains {
            html += "<p class=\"note\">Not charted (fewer messages): "
                + ranked.dropFirst(chartedDomains).map(HTMLText.escape).joined(separator: ", ") + ".</p>"
        }
        return html + "</section>"
    }

    private var passRatePerDay: String {
        let totals = totalsPerPeriod
        var html = "<section id=\"pass-rate\"><h2>DMARC pass rate per \(periodNoun), all domains</h2>"
        html += SVGChart.percentLine(id: "chart-pass-rate", title: "DMARC pass rate per \(periodNoun)", labels: labels,
                                     values: totals.map { $0.messages == 0 ? nil : HTMLText.share($0.dmarcPass, of: $0.messages) })
        var table = HTMLTable(id: "table-pass-rate", caption: "DMARC pass rate per \(periodNoun)",
                              columns: [.text(periodNoun), .number("messages"), .number("pass %"),
                                        .number("SPF aligned %"), .number("DKIM aligned %")])
        for (label, counts) in zip(labels, totals) {
            table.append([.key(label), .number(counts.messages), .percent(counts.dmarcPass, of: counts.messages),
                          .percent(counts.spfAligned, of: counts.messages), .percent(counts.dkimAligned, of: counts.messages)])
        }
        return html + table.html + "</section>"
    }

    private var dispositionsPerDay: String {
        let totals = totalsPerPeriod
        var html = "<section id=\"dispositions\"><h2>What receivers did, per \(periodNoun)</h2>"
        html += Self.legend([("none", "none"), ("quarantine", "fail"), ("reject", "fail-dark"), ("pass (RFC 9990)", "pass")])
        html += SVGChart.stackedBars(
            id: "chart-dispositions", title: "Dispositions per \(periodNoun)", labels: labels,
            series: [.init(name: "none", styleClass: "s-none"), .init(name: "quarantine", styleClass: "s-quarantine"),
                     .init(name: "reject", styleClass: "s-reject"), .init(name: "pass", styleClass: "s-disp-pass")],
            values: totals.map { [$0.dispositionNone, $0.dispositionQuarantine, $0.dispositionReject, $0.dispositionPass] })
        var table = HTMLTable(id: "table-dispositions", caption: "Messages by disposition per \(periodNoun)",
                              columns: [.text(periodNoun), .number("none"), .number("quarantine"), .number("reject"),
                                        .number("pass")])
        for (label, counts) in zip(labels, totals) {
            table.append([.key(label), .number(counts.dispositionNone), .number(counts.dispositionQuarantine),
                          .number(counts.dispositionReject), .number(counts.dispositionPass)])
        }
        return html + table.html + "</section>"
    }

    private var authentication: String {
        let shares = timeline.authentication
        let rows: [(label: String, values: [UInt64])] = [
            ("SPF", [shares.spf.aligned, shares.spf.passingUnaligned, shares.spf.failing]),
            ("DKIM", [shares.dkim.aligned, shares.dkim.passingUnaligned, shares.dkim.failing]),
        ]
        var html = "<section id=\"authentication\"><h2>SPF and DKIM</h2>"
        html += "<p class=\"note\">Aligned: passed for the From domain (counts for DMARC). Passing unaligned: passed, "
            + "but for another domain (a service's own). Failing: neither.</p>"
        html += Self.legend([("aligned", "pass"), ("passing unaligned", "pass-light"), ("failing", "fail")])
        html += SVGChart.shareBars(id: "chart-authentication", title: "SPF and DKIM outcomes as shares", rows: rows,
                                   series: [.init(name: "aligned", styleClass: "s-aligned"),
                                            .init(name: "passing unaligned", styleClass: "s-unaligned"),
                                            .init(name: "failing", styleClass: "s-fail")])
        var table = HTMLTable(id: "table-authentication", caption: "Messages by SPF and DKIM outcome",
                              columns: [.text("mechanism"), .number("aligned"), .number("aligned %"),
                                        .number("passing unaligned"), .number("passing unaligned %"),
                                        .number("failing"), .number("failing %")])
        for row in rows {
            let total = row.values.saturatingSum
            table.append([.key(row.label), .number(row.values[0]), .percent(row.values[0], of: total),
                          .number(row.values[1]), .percent(row.values[1], of: total),
                          .number(row.values[2]), .percent(row.values[2], of: total)])
        }
        return html + table.html + "</section>"
    }
}
