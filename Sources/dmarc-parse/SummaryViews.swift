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

/// `-s`: one row per source address. A column more is one line in `columns` and one in `numbers`.
enum SourceView {
    static let columns: [Table.Column] = [
        .text("source_ip"), .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"),
        .number("dkim_pass"), .number("spf_pass"), .number("none"), .number("quarantine"), .number("reject"),
        .number("pass"), .text("reporters"), .text("header_from"),
    ]

    /// The count columns, in order.
    static func numbers(_ totals: MessageTotals) -> [UInt64] {
        [totals.messages, totals.dmarcPass, totals.dmarcFail, totals.dkimPass, totals.spfPass,
         totals.dispositionNone, totals.dispositionQuarantine, totals.dispositionReject, totals.dispositionPass]
    }

    /// Writes the view: the streaming formats straight into bytes (tens of thousands of rows for a busy domain),
    /// the aligned table a row at a time (`TableWriter.writeAligned`), any view with enrichment through a `Table`.
    static func write(_ statistics: Statistics, enricher: SourceEnricher? = nil, as format: OutputFormat,
                      to output: StandardOutput) {
        guard enricher == nil else {
            TableWriter.write(table(statistics, enricher: enricher), as: format, to: output)
            return
        }
        let sources = statistics.sourceTable
        guard format != .table else {
            let order = sources.sortedOrder()
            TableWriter.writeAligned(columns: columns, rowCount: order.count, totals: totals(sources), to: output) {
                cells(sources.rows[order[$0]], in: sources)
            }
            return
        }
        var encoder = RowEncoder(format: format, columns: columns, capacity: 1 << 20)
        encoder.start()
        for index in sources.sortedOrder() {
            let row = sources.rows[index]
            encoder.row { encoder in
                encoder.beginRow()
                encoder.text(row.source.text)
                for number in numbers(row.totals) { encoder.number(number) }
                encoder.list(sources.reporters(of: row), separator: ",")
                encoder.list(sources.domains(of: row), separator: ",")
                encoder.endRow()
            }
            if encoder.bytes.count >= 1 << 20 { encoder.take(into: output) }
        }
        encoder.finish()
        encoder.take(into: output)
    }

    /// The rows of `statistics`; with an enricher, each row ends with the `EnrichmentView` columns.
    static func table(_ statistics: Statistics, enricher: SourceEnricher? = nil) -> Table {
        var table = Table(columns: columns + (enricher == nil ? [] : EnrichmentView.columns))
        let sources = statistics.sourceTable
        for index in sources.sortedOrder() {
            let row = sources.rows[index]
            table.rows.append(cells(row, in: sources)
                + (enricher.map { EnrichmentView.cells($0.enrichment(for: row.source)) } ?? []))
        }
        table.totals = totals(sources).map {
            $0 + (enricher == nil ? [] : Array(repeating: Cell.missing, count: EnrichmentView.columns.count))
        }
        return table
    }

    /// A row's cells, in one array (the aligned table makes each row twice: tens of thousands for a busy domain).
    private static func cells(_ row: SourceTable.Row, in sources: SourceTable) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(columns.count)
        cells.append(.text(row.source.text))
        for number in numbers(row.totals) { cells.append(.number(number)) }
        cells.append(.list(sources.reporters(of: row), separator: ","))
        cells.append(.list(sources.domains(of: row), separator: ","))
        return cells
    }

    /// The totals line of the aligned table (nil without sources): messages summed, reporters and domains counted.
    private static func totals(_ sources: SourceTable) -> [Cell]? {
        guard !sources.rows.isEmpty else { return nil }
        var all = MessageTotals()
        for index in sources.rows.indices { all.add(sources.rows[index].totals) }
        let distinct = sources.distinctReportersAndDomains
        return [.text("total (\(plural(sources.rows.count, "source")))")] + numbers(all).map(Cell.number)
            + [.text(plural(distinct.reporters, "reporter")), .text(plural(distinct.domains, "domain"))]
    }
}
