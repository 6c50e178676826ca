import DMARC

extension ReportRun {
    /// `--reports`: one document per report, in read order (files one after another), as json or ndjson.
    func printReports(of paths: [String], format: OutputFormat) -> RunOutcome {
        printInOrder(paths, with: ReportDocumentPrinter(format: format))
    }
}

/// Holds the admitted records of each report and prints the report's document once it counts (see
/// `ReportCounter`: read to its end, not a duplicate, not emptied by a record filter). One report's records are
/// held at a time.
final class ReportDocumentPrinter: StreamingPrinter {
    private let format: OutputFormat
    private let output = StandardOutput()
    private var records: [Record] = []
    private var documentsWritten = 0

    /// `format` is json (one array) or ndjson (one document a line).
    init(format: OutputFormat) {
        precondition(format == .json || format == .ndjson, "--reports writes json or ndjson only")
        self.format = format
        if format == .json { output.write("[") }
    }

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        records.removeAll(keepingCapacity: true)
    }

    func record(_ record: Record) {
        records.append(record)
    }

    func commitReport(_ header: ReportHeader) {
        let document = ReportDocumentView.document(header, records: records)
        switch format {
        case .json: output.write((documentsWritten == 0 ? "\n" : ",\n") + document)
        default: output.write(document + "\n")
        }
        documentsWritten += 1
        discardReport()
    }

    func discardReport() {
        records.removeAll(keepingCapacity: records.count < 4096)
    }

    func finish() {
        if format == .json { output.write(documentsWritten == 0 ? "]\n" : "\n]\n") }
        output.flush()
    }
}
