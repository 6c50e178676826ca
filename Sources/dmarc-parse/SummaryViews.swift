import DMARC

/// The default view: one row per reporter.
enum ReporterView {
    static let columns: [Table.Column] = [
        .text("reporter"), .number("reports"), .text("domains"), .text("begin"), .text("end"),
        .number("records"), .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"),
        .number("none"), .number("quarantine"), .number("reject"), .number("pass"),
    ]

    static func table(_ statistics: Statistics) -> Table {
        var table = Table(columns: columns)
        var all = ReporterTotals()
        for (reporter, totals) in statistics.reporterRows {
            table.rows.append([
                .text(reporter), .number(UInt64(totals.reports)), .list(totals.policyDomains.sorted(), separator: ","),
                .time(totals.begin), .time(totals.end), .number(UInt64(totals.records)),
                .number(totals.totals.messages), .number(totals.totals.dmarcPass), .number(totals.totals.dmarcFail),
            ] + dispositions(totals.totals))
            all.merge(totals)
        }
        if !table.rows.isEmpty {
            table.totals = [
                .text("total"), .number(UInt64(all.reports)), .text(plural(all.policyDomains.count, "domain")),
                .time(all.begin), .time(all.end), .number(UInt64(all.records)),
                .number(all.totals.messages), .number(all.totals.dmarcPass), .number(all.totals.dmarcFail),
            ] + dispositions(all.totals)
        }
        return table
    }

    /// What receivers did: none, quarantine, reject and RFC 9990's pass add up to the messages.
    private static func dispositions(_ totals: MessageTotals) -> [Cell] {
        [totals.dispositionNone, totals.dispositionQuarantine, totals.dispositionReject, totals.dispositionPass]
            .map(Cell.number)
    }
}

/// `-s`: one row per source address.
enum SourceView {
    static let columns: [Table.Column] = [
        .text("source_ip"), .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"),
        .number("dkim_pass"), .number("spf_pass"), .number("none"), .number("quarantine"), .number("reject"),
        .number("pass"), .text("reporters"), .text("header_from"),
    ]

    /// The rows of `statistics`; with an enricher, each row ends with the `EnrichmentView` columns.
    static func table(_ statistics: Statistics, enricher: SourceEnricher? = nil) -> Table {
        var table = Table(columns: columns + (enricher == nil ? [] : EnrichmentView.columns))
        var all = SourceTotals()
        for (source, sourceTotals) in statistics.sourceRows {
            table.rows.append([.text(source.text)] + numbers(sourceTotals.totals) + [
                .list(sourceTotals.reporters.sorted(), separator: ","),
                .list(sourceTotals.headerFromDomains.sorted(), separator: ","),
            ] + (enricher.map { EnrichmentView.cells($0.enrichment(for: source)) } ?? []))
            all.add(sourceTotals)
        }
        if !table.rows.isEmpty {
            table.totals = [.text("total (\(plural(table.rows.count, "source")))")] + numbers(all.totals)
                + [.text(plural(all.reporters.count, "reporter")), .text(plural(all.headerFromDomains.count, "domain"))]
                + (enricher == nil ? [] : Array(repeating: Cell.missing, count: EnrichmentView.columns.count))
        }
        return table
    }

    private static func numbers(_ totals: MessageTotals) -> [Cell] {
        [totals.messages, totals.dmarcPass, totals.dmarcFail, totals.dkimPass, totals.spfPass,
         totals.dispositionNone, totals.dispositionQuarantine, totals.dispositionReject, totals.dispositionPass,
        ].map(Cell.number)
    }
}
