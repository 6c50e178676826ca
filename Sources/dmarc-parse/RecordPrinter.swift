import DMARC

/// Formats the records of the reports that count, one row each. A report's rows are held until it ends (see
/// `ReportCounter`), then printed whole, or dropped whole when it does not count; so the rows printed are those of
/// the reports the summary views count.
final class RecordPrinter: StreamingPrinter {
    private var writer: TableWriter
    private let output = StandardOutput()
    private var header = ReportHeader()
    /// The current report's rows, as text (streaming formats) or cells (the table format, aligned at the end).
    private let held = HeldRows()
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
        reportCells = enricher == nil ? encoder.map { RecordView.ReportCells(header, format: $0.format) } : nil
        discardReport()
    }

    func record(_ record: Record) {
        if encoder != nil, let reportCells {
            RecordView.encode(record, in: header, reportCells: reportCells, index: held.count, into: &encoder!)
        } else {
            var row = RecordView.row(record, in: header, for: writer.format)
            if let enricher { row += EnrichmentView.cells(enricher.enrichment(for: record.sourceIP)) }
            guard encoder != nil else {
                heldCells.append(row)
                return
            }
            // With enrichment: every cell through the encoder's general path.
            encoder!.beginHeldRow(index: held.count)
            for cell in row { encoder!.cell(cell) }
            encoder!.endRow()
        }
        held.append(encoder!.bytes)
        encoder!.skip(to: 0, clearing: true)
    }

    func commitReport(_ header: ReportHeader) {
        if writer.format == .table {
            for row in heldCells { output.write(writer.write(row)) }
        } else {
            output.write(writer.writeHeld(count: held.count))
            held.release(to: output)
        }
        discardReport()
    }

    func discardReport() {
        held.discard()
        heldCells.removeAll(keepingCapacity: heldCells.count < 4096)
    }

    func finish() {
        writer.finish(to: output)
        output.flush()
    }
}
