import DMARC

/// The default view: one row per reporter.
enum ReporterView {
    static let columns: [Table.Column] = [
        .text("reporter"), .number("reports"), .text("domains"), .text("begin"), .text("end"),
        .number("records"), .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"),
    ]

    static func table(_ statistics: Statistics) -> Table {
        var table = Table(columns: columns)
        var all = ReporterTotals()
        for (reporter, totals) in statistics.reporterRows {
            table.rows.append([
                .text(reporter), .number(UInt64(totals.reports)), .list(totals.policyDomains.sorted(), separator: ","),
                .time(totals.begin), .time(totals.end), .number(UInt64(totals.records)),
                .number(totals.totals.messages), .number(totals.totals.dmarcPass), .number(totals.totals.dmarcFail),
            ])
            all.merge(totals)
        }
        if !table.rows.isEmpty {
            table.totals = [
                .text("total"), .number(UInt64(all.reports)), .text(plural(all.policyDomains.count, "domain")),
                .time(all.begin), .time(all.end), .number(UInt64(all.records)),
                .number(all.totals.messages), .number(all.totals.dmarcPass), .number(all.totals.dmarcFail),
            ]
        }
        return table
    }
}

/// `-s`: one row per source address. A column more is one line in `columns` and one in `numbers`.
enum SourceView {
    static let columns: [Table.Column] = [
        .text("source_ip"), .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"),
        .number("dkim_pass"), .number("spf_pass"), .number("none"), .number("quarantine"), .number("reject"),
        .text("reporters"), .text("header_from"),
    ]

    /// The count columns, in order.
    static func numbers(_ totals: MessageTotals) -> [UInt64] {
        [totals.messages, totals.dmarcPass, totals.dmarcFail, totals.dkimPass, totals.spfPass,
         totals.dispositionNone, totals.dispositionQuarantine, totals.dispositionReject]
    }

    /// Writes the view: the aligned table through `TableWriter`, the streaming formats straight into bytes
    /// (tens of thousands of rows for a busy domain).
    static func write(_ statistics: Statistics, as format: OutputFormat, to output: StandardOutput) {
        guard format != .table else {
            TableWriter.write(table(statistics), as: format, to: output)
            return
        }
        let sources = statistics.sourceTable
        var encoder = RowEncoder(format: format, columns: columns, capacity: 1 << 20)
        encoder.start()
        for (text, index) in sources.sortedOrder() {
            let row = sources.rows[index]
            encoder.beginRow()
            encoder.text(text)
            for number in numbers(row.totals) { encoder.number(number) }
            encoder.list(sources.reporters(of: row), separator: ",")
            encoder.list(sources.domains(of: row), separator: ",")
            encoder.endRow()
            if encoder.bytes.count >= 1 << 20 { encoder.take(into: output) }
        }
        encoder.finish()
        encoder.take(into: output)
    }

    static func table(_ statistics: Statistics) -> Table {
        var table = Table(columns: columns)
        let sources = statistics.sourceTable
        var all = MessageTotals()
        var reporters = Set<String>(), domains = Set<String>()
        for (text, index) in sources.sortedOrder() {
            let row = sources.rows[index]
            let rowReporters = sources.reporters(of: row), rowDomains = sources.domains(of: row)
            table.rows.append([.text(text)] + numbers(row.totals).map(Cell.number) + [
                .list(rowReporters, separator: ","), .list(rowDomains, separator: ","),
            ])
            all.add(row.totals)
            reporters.formUnion(rowReporters)
            domains.formUnion(rowDomains)
        }
        if !table.rows.isEmpty {
            table.totals = [.text("total (\(plural(table.rows.count, "source")))")] + numbers(all).map(Cell.number)
                + [.text(plural(reporters.count, "reporter")), .text(plural(domains.count, "domain"))]
        }
        return table
    }
}
