import DMARC

extension ReportRun {
    /// `--reports`: one document per report, in read order (files one after another), as json or ndjson.
    func printReports(of paths: [String], format: OutputFormat) -> RunOutcome {
        printInOrder(paths, with: ReportDocumentPrinter(filter: filter, format: format, diagnostics: diagnostics))
    }
}

/// Collects the admitted records of each report and prints the report's document once it has been read to its end.
///
/// One report's records are held at a time (a report that fails part-way prints nothing). A report that is a
/// duplicate of one printed before is skipped, and so is a report left without records by a record filter
/// (`--failing`, `--include-ips`, `--exclude-ips`), as in the summary views.
final class ReportDocumentPrinter: StreamingPrinter {
    private let filter: RecordFilter
    private let format: OutputFormat
    private let diagnostics: Diagnostics
    private let output = StandardOutput()
    /// Where the current report comes from, while it is admitted by the filter.
    private var admittedOrigin: ReportOrigin?
    private var records: [Record] = []
    private var documentsWritten = 0
    private(set) var statistics = Statistics()
    var reportsCounted: Int { statistics.reportCount }
    var duplicatesSkipped: Int { statistics.duplicateCount }
    private(set) var problemCount = 0

    /// `format` is json (one array) or ndjson (one document a line).
    init(filter: RecordFilter, format: OutputFormat, diagnostics: Diagnostics) {
        precondition(format == .json || format == .ndjson, "--reports writes json or ndjson only")
        self.filter = filter
        self.format = format
        self.diagnostics = diagnostics
        if format == .json { output.write("[") }
    }

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        admittedOrigin = filter.admits(header) ? origin : nil
        records.removeAll(keepingCapacity: true)
    }

    func record(_ record: Record) {
        guard admittedOrigin != nil, filter.admits(record) else { return }
        records.append(record)
    }

    func endReport(_ header: ReportHeader) {
        defer { admittedOrigin = nil }
        guard let origin = admittedOrigin, !(filter.filtersRecords && records.isEmpty),
              statistics.add(ReportSummary(header: header, origin: origin))
        else { return }
        let document = ReportDocumentView.document(header, records: records)
        switch format {
        case .json: output.write((documentsWritten == 0 ? "\n" : ",\n") + document)
        default: output.write(document + "\n")
        }
        documentsWritten += 1
    }

    func fail(_ error: DMARCError) {
        admittedOrigin = nil
        records.removeAll()
        problemCount += 1
        diagnostics.report(error)
    }

    func warn(_ warning: DMARCWarning) {
        diagnostics.report(warning)
    }

    func finish() {
        if format == .json { output.write(documentsWritten == 0 ? "]\n" : "\n]\n") }
        output.flush()
    }
}
