import DMARC

/// One run of the tool over the paths it was given: reads, counts, prints, and says what went wrong.
/// How a run ended, for the exit status.
enum RunOutcome {
    case complete, someFilesFailed
    /// Every file was read, and the audit found senders that need action (one line on each).
    case gapsFound([String])
}

struct ReportRun {
    let reader: ReportReader

    /// The reader for `fileCount` files read `parallelFiles` at a time: a spare core inflates while the other parses.
    func reader(forFiles fileCount: Int, parallelFiles: Int) -> ReportReader {
        var reader = self.reader
        reader.overlapsDecompression = jobs > 1 && fileCount < 2 * parallelFiles
        return reader
    }
    let filter: RecordFilter
    let jobs: Int
    let diagnostics: Diagnostics

    /// The reporter or source-address view. Returns false when some file could not be read.
    func printSummary(of paths: [String], view: View, format: OutputFormat) -> RunOutcome {
        let (files, pathProblems) = InputFiles.expand(paths)
        pathProblems.forEach { diagnostics.report(pathProblem: $0) }
        var failedFiles = pathProblems.count
        let details: SummaryDetails = switch view {
        case .statistics: .sources
        case .audit: .audit
        default: []
        }
        let statistics = reader(forFiles: files.count, parallelFiles: jobs).summarize(files: files, jobs: jobs, filter: filter, details: details) { index, file in
            file.warnings.forEach(diagnostics.report)
            file.errors.forEach(diagnostics.report)
            if !file.errors.isEmpty { failedFiles += 1 }
            diagnostics.progress(filesDone: index + 1, of: files.count)
        }
        let output = StandardOutput()
        var gaps: [String] = []
        switch view {
        case .statistics: TableWriter.write(SourceView.table(statistics), as: format, to: output)
        case .audit:
            let audit = SenderAudit(statistics.audit)
            TableWriter.write(AuditView.table(audit), as: format, to: output)
            if format == .table { output.write(AuditView.summary(audit)) }
            gaps = AuditView.gaps(audit)
        default: TableWriter.write(ReporterView.table(statistics), as: format, to: output)
        }
        output.flush()
        diagnostics.finish(files: files.count, reports: statistics.reportCount,
                           duplicates: statistics.duplicateCount, failedFiles: failedFiles)
        if failedFiles > 0 { return .someFilesFailed }
        return gaps.isEmpty ? .complete : .gapsFound(gaps)
    }

    /// The record view, printed as records are read (files one after another, in order).
    func printRecords(of paths: [String], format: OutputFormat) -> RunOutcome {
        printInOrder(paths, with: RecordPrinter(filter: filter, format: format, diagnostics: diagnostics))
    }

    /// Reads files one after another into a printer that writes as it goes, in the order of the files.
    func printInOrder(_ paths: [String], with printer: some StreamingPrinter) -> RunOutcome {
        let (files, pathProblems) = InputFiles.expand(paths)
        pathProblems.forEach { diagnostics.report(pathProblem: $0) }
        var failedFiles = pathProblems.count
        for (index, file) in files.enumerated() {
            let problemsBefore = printer.problemCount
            reader(forFiles: files.count, parallelFiles: 1).read(path: file, into: printer)
            if printer.problemCount > problemsBefore { failedFiles += 1 }
            diagnostics.progress(filesDone: index + 1, of: files.count)
        }
        printer.finish()
        diagnostics.finish(files: files.count, reports: printer.reportsCounted,
                           duplicates: printer.duplicatesSkipped, failedFiles: failedFiles)
        return failedFiles == 0 ? .complete : .someFilesFailed
    }
}

/// A handler that prints what it is given as it goes (records, report documents).
protocol StreamingPrinter: ReportHandler {
    /// Problems reported so far (a file with a new one failed).
    var problemCount: Int { get }
    /// Reports read to their end and printed.
    var reportsCounted: Int { get }
    /// Reports skipped as copies of one printed before.
    var duplicatesSkipped: Int { get }
    /// Writes what is left (closing brackets, an aligned table).
    func finish()
}

/// Prints each admitted record of each new report as it arrives.
final class RecordPrinter: StreamingPrinter {
    private let filter: RecordFilter
    private let diagnostics: Diagnostics
    private var writer: TableWriter
    private let output = StandardOutput()
    private var header: ReportHeader?
    /// Claims reports as they begin, so that a copy seen later is skipped.
    private var claimed = Statistics()
    private(set) var reportsCounted = 0
    private(set) var problemCount = 0
    var duplicatesSkipped: Int { claimed.duplicateCount }

    init(filter: RecordFilter, format: OutputFormat, diagnostics: Diagnostics) {
        self.filter = filter
        self.diagnostics = diagnostics
        writer = TableWriter(format: format, columns: RecordView.columns(for: format))
        output.write(writer.start())
    }

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        let key = ReportSummary(header: header, origin: origin).key
        self.header = filter.admits(header) && claimed.claim(key) ? header : nil
    }

    func record(_ record: Record) {
        guard let header, filter.admits(record) else { return }
        output.write(writer.write(RecordView.row(record, in: header, for: writer.format)))
    }

    func endReport(_ header: ReportHeader) {
        if self.header != nil { reportsCounted += 1 }
        self.header = nil
    }

    func fail(_ error: DMARCError) {
        header = nil
        problemCount += 1
        diagnostics.report(error)
    }

    func warn(_ warning: DMARCWarning) {
        diagnostics.report(warning)
    }

    func finish() {
        writer.finish(to: output)
        output.flush()
    }
}
