import DMARC

/// Formats the records of the reports that count, one row each. A report's rows are held until it ends (see
/// `ReportCounter`), then printed whole, or dropped whole when it does not count; so the rows printed are those of
/// the reports the summary views count. Fed in order on one thread (with enrichment, whose enricher answers on one
/// thread), or given the rows other threads made, file by file in order (`write(_:counts:)`).
final class RecordPrinter: StreamingPrinter {
    private var writer: TableWriter
    private let output = StandardOutput()
    private var header = ReportHeader()
    /// The current report's rows, as text (streaming formats) or cells (the table format, aligned at the end).
    private let held = HeldRows()
    private var heldCount = 0
    private var heldCells: [[Cell]] = []
    /// The streaming formats: rows encoded straight into bytes, the report's own cells once per report.
    private var encoder: RowEncoder?
    private var reportCells: RecordView.ReportCells?

    /// Who each record's source is, when enrichment is on: its columns follow the view's own.
    private let enricher: SourceEnricher?

    init(format: OutputFormat, enricher: SourceEnricher? = nil) {
        self.enricher = enricher
        writer = TableWriter(format: format,
                             columns: RecordView.columns(for: format) + (enricher == nil ? [] : EnrichmentView.columns))
        if format != .table { encoder = RowEncoder(format: format, columns: writer.columns) }
        output.write(writer.start())
    }

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        self.header = header
        reportCells = enricher == nil ? encoder.map { RecordView.ReportCells(header, encoder: $0) } : nil
        discardReport()
    }

    func record(_ record: Record) {
        if encoder != nil, let reportCells {
            RecordView.encode(record, reportCells: reportCells, index: heldCount, into: &encoder!)
        } else {
            var row = RecordView.row(record, in: header, for: writer.format)
            if let enricher { row += EnrichmentView.cells(enricher.enrichment(for: record.sourceIP)) }
            guard encoder != nil else {
                heldCells.append(row)
                return
            }
            // With enrichment: every cell through the encoder's general path.
            let index = heldCount
            encoder!.row { encoder in
                encoder.beginHeldRow(index: index)
                for cell in row { encoder.cell(cell) }
                encoder.endRow()
            }
        }
        held.append(encoder!.bytes)
        heldCount += 1
        encoder!.skip(to: 0, clearing: true)
    }

    func commitReport(_ header: ReportHeader) {
        if writer.format == .table {
            for row in heldCells { output.write(writer.write(row)) }
        } else {
            output.write(writer.writeHeld(count: heldCount))
            held.write(0..<held.size, to: output)
        }
        discardReport()
    }

    func discardReport() {
        held.truncate(to: 0)
        heldCount = 0
        heldCells.removeAll(keepingCapacity: heldCells.count < 4096)
    }

    /// Prints the rows of one file's reports that count (`counts`, one per report `rows` holds), made on a
    /// reading thread by `RecordRows`.
    func write(_ rows: RecordRows.File, counts: [Bool]) {
        for (report, counts) in zip(rows.reports, counts) where counts {
            if writer.format == .table {
                for row in rows.cells[report.range] { output.write(writer.write(row)) }
            } else {
                output.write(writer.writeHeld(count: report.rows))
                rows.held.write(report.range, to: output)
            }
        }
        rows.held.close()
    }

    func finish() {
        writer.finish(to: output)
        output.flush()
    }
}
