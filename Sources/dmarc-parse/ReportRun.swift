import DMARC

/// One run of the tool over the paths it was given: reads, counts, prints, and says what went wrong.
/// How a run ended, for the exit status.
enum RunOutcome {
    case complete, someFilesFailed
    /// The audit found senders that need action (one line on each), whether or not every file was read.
    case gapsFound([String], someFilesFailed: Bool)
}

struct ReportRun {
    let reader: ReportReader

    /// The reader for `fileCount` files read `parallelFiles` at a time: when reading files in parallel leaves cores
    /// idle, a large report is parsed on them in pieces (`DocumentSplitting`). Its gzip stream is then inflated on
    /// the thread that feeds the pieces, not on one more (`overlapsDecompression`): that costs a copy of every
    /// chunk and a thread more than cores, for nothing (giant-1m, 2 cores: 3.75 → 3.42 s, 1 MiB less).
    func reader(forFiles fileCount: Int, parallelFiles: Int) -> ReportReader {
        var reader = self.reader
        reader.documentSplitting = jobs > 1 && fileCount < 2 * parallelFiles ? DocumentSplitting(workers: jobs) : nil
        return reader
    }
    let filter: ReportFilter
    let jobs: Int
    let diagnostics: Diagnostics
    /// Who each source is (`--enrich`, `--ip-db`); nil when off.
    var enrichment: Enrichment? = nil

    /// The enricher for a view printing `sources`, its warnings said; nil when enrichment is off.
    func enricher(for sources: some Sequence<SourceIP>) -> SourceEnricher? {
        guard let enrichment else { return nil }
        let enricher = enrichment.enricher(for: sources.compactMap(\.address))
        sayWarnings(of: enricher)
        return enricher
    }

    /// The enricher's warnings not yet said.
    func sayWarnings(of enricher: SourceEnricher?) {
        enricher?.takeWarnings().forEach(diagnostics.report)
    }

    /// The reporter, source-address or audit view. Returns how the run ended (some file failed, gaps found).
    func printSummary(of paths: [String], view: View, format: OutputFormat) -> RunOutcome {
        let (files, pathProblems) = InputFiles.expand(paths)
        let fileReports = FileReports(diagnostics: diagnostics, fileCount: files.count, pathProblems: pathProblems)
        let details: SummaryDetails = switch view {
        case .statistics: .sources
        case .audit, .domains, .dkim: .audit
        default: []
        }
        let statistics = reader(forFiles: files.count, parallelFiles: jobs)
            .summarize(files: files, jobs: jobs, filter: filter, details: details, fileReports.take)
        let output = StandardOutput()
        var gaps: [String] = []
        switch view {
        case .statistics:
            // Enrichment looks the sources up in the order they are printed.
            let enricher = enrichment == nil ? nil : enricher(for: statistics.sourceRows.map(\.source))
            SourceView.write(statistics, enricher: enricher, as: format, to: output)
            sayWarnings(of: enricher)
        case .audit:
            // Every source only when enrichment looks them up (a set of tens of thousands, for nothing else).
            let sources = enrichment == nil ? [] : SenderAudit.sources(of: statistics.audit)
            let enricher = enricher(for: sources)
            let enrichment = enricher.map { EnrichmentView.table($0, for: sources) }
            sayWarnings(of: enricher)
            let audit = SenderAudit(statistics.audit, enrichment: enrichment ?? [:])
            TableWriter.write(AuditView.table(audit, for: format, enrichment: enrichment), as: format, to: output)
            if format == .table { output.write(AuditView.summary(audit)) }
            gaps = AuditView.gaps(audit)
        case .domains:
            TableWriter.write(PolicyDomainView.table(statistics.audit, audit: SenderAudit(statistics.audit)),
                              as: format, to: output)
        case .dkim: TableWriter.write(DKIMKeyView.table(statistics.audit), as: format, to: output)
        default: TableWriter.write(ReporterView.table(statistics), as: format, to: output)
        }
        output.flush()
        fileReports.finish(reports: statistics.reportCount, duplicates: statistics.duplicateCount)
        if !gaps.isEmpty { return .gapsFound(gaps, someFilesFailed: fileReports.failedFiles > 0) }
        return fileReports.outcome
    }

    /// The record view, printed as records are read (files one after another, in order).
    func printRecords(of paths: [String], format: OutputFormat) -> RunOutcome {
        // The records are printed as they are read, so their addresses are looked up as they come: the IP
        // databases answer at once. What needs every address first (reverse DNS) gets them from a first, quiet
        // pass over the same files (standard input cannot be read twice: its records go without).
        let addresses = enrichment?.needsAddressesFirst == true ? sourceAddresses(of: paths.filter { $0 != "-" }) : []
        if enrichment?.needsAddressesFirst == true && paths.contains("-") {
            diagnostics.report(EnrichmentWarning("the records of standard input get no PTR names with --records "
                + "(it cannot be read twice: save it to a file)", in: "reverse DNS"))
        }
        let enricher = enricher(for: addresses)
        defer { sayWarnings(of: enricher) }
        let printer = RecordPrinter(format: format, enricher: enricher)
        // The enricher answers on one thread: with it, files are read one after another.
        guard enricher == nil else { return printInOrder(paths, with: printer) }
        // Files are read and their rows encoded on `jobs` threads, printed here in file order. At most two files
        // per thread wait to be printed, each holding at most `HeldRows.memoryLimit` in memory.
        return printInOrder(paths, parallelFiles: jobs, finish: printer.finish) { files, reader, consume in
            let run = reader.countInOrder(files: files, jobs: jobs, window: 2 * jobs, filter: filter,
                                          makeView: { RecordRows(format: format) }, commit: printer.write, consume)
            return (run.reportCount, run.duplicateCount)
        }
    }

    /// The source addresses of the records the filter lets through, from a pass that says nothing (its problems
    /// are said by the pass that prints).
    func sourceAddresses(of paths: [String]) -> [SourceIP] {
        let files = InputFiles.expand(paths).files
        var reader = reader(forFiles: files.count, parallelFiles: jobs)
        reader.content = .policyEvaluated
        return reader.summarize(files: files, jobs: jobs, filter: filter, details: .sources) { _, _ in }
            .sourceRows.map(\.source)
    }

    /// Reads files one after another into a printer that writes as it goes, in the order of the files, through
    /// the library's counting rule (the same as the summary views': same reports, same closing line).
    func printInOrder(_ paths: [String], with printer: some StreamingPrinter) -> RunOutcome {
        printInOrder(paths, parallelFiles: 1, finish: printer.finish) { files, reader, consume in
            let run = reader.countInOrder(files: files, filter: filter, view: printer, consume)
            return (run.reportCount, run.duplicateCount)
        }
    }

    /// The files of `paths` counted in order by `count` (given the files, the reader and what to do with each
    /// file's summary), then `finish`, then the closing line.
    func printInOrder(
        _ paths: [String], parallelFiles: Int, finish: () -> Void,
        count: ([String], ReportReader, (Int, FileSummary) -> Void) -> (reportCount: Int, duplicateCount: Int)
    ) -> RunOutcome {
        let (files, pathProblems) = InputFiles.expand(paths)
        let fileReports = FileReports(diagnostics: diagnostics, fileCount: files.count, pathProblems: pathProblems)
        let run = count(files, reader(forFiles: files.count, parallelFiles: parallelFiles), fileReports.take)
        finish()
        fileReports.finish(reports: run.reportCount, duplicates: run.duplicateCount)
        return fileReports.outcome
    }
}

/// A view that prints the reports that count as they come (records, report documents): a formatter fed by the
/// library's `ReportCounter`.
protocol StreamingPrinter: CountedReportHandler {
    /// Writes what is left (closing brackets, an aligned table).
    func finish()
}
