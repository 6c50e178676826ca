/// What reading one input file gave, for reporting it: its problems and how many reports it added.
public struct FileSummary: Sendable {
    public var path: String
    /// Reports counted from this file (duplicates of reports counted before are not).
    public var reportsCounted: Int
    public var errors: [DMARCError]
    public var warnings: [DMARCWarning]
}

extension ReportReader {
    /// Reads files on `jobs` threads into one `Statistics`, and gives each file's summary to `consume` in the order
    /// of `paths`, on the calling thread (for messages and progress).
    ///
    /// Each thread keeps its own totals and all share one `ReportRegistry`, so memory grows with distinct sources
    /// and reports, never with records or files. When two copies of a report are read at once, either may count:
    /// the totals are the same unless the copies differ.
    public func summarize(
        files paths: [String], jobs: Int, filter: RecordFilter, details: SummaryDetails,
        _ consume: (Int, FileSummary) -> Void
    ) -> Statistics {
        let registry = ReportRegistry()
        let workers = WorkerSummarizers((0..<max(1, jobs)).map { _ in
            ReportSummarizer(filter: filter, details: details, statistics: Statistics(sharing: registry))
        })
        let reader = self
        orderedParallelMap(count: paths.count, jobs: jobs, transform: { index, worker in
            let summarizer = workers.summarizers[worker]
            reader.read(path: paths[index], into: summarizer)
            let diagnostics = summarizer.takeDiagnostics()
            return FileSummary(path: paths[index], reportsCounted: diagnostics.reportsCounted,
                               errors: diagnostics.errors, warnings: diagnostics.warnings)
        }, consume: consume)
        var statistics = workers.summarizers[0].takeStatistics()
        for summarizer in workers.summarizers.dropFirst() { statistics.merge(summarizer.takeStatistics()) }
        return statistics
    }
}

/// One summarizer per worker thread; each is touched by its own thread only, and read after all have finished.
private final class WorkerSummarizers: @unchecked Sendable {
    let summarizers: [ReportSummarizer]

    init(_ summarizers: [ReportSummarizer]) {
        self.summarizers = summarizers
    }
}
