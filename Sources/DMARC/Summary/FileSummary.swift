/// What one input file gave: its reports reduced to totals, and what went wrong.
public struct FileSummary: Sendable {
    public var path: String
    public var reports: [ReportSummary]
    public var errors: [DMARCError]
    public var warnings: [DMARCWarning]
}

extension ReportReader {
    /// Reads files on `jobs` threads and gives each file's summary to `consume` in the order of `paths`,
    /// on the calling thread, so that totals built from them are the same on every run.
    public func summarize(
        files paths: [String], jobs: Int, filter: RecordFilter, details: SummaryDetails,
        _ consume: (Int, FileSummary) -> Void
    ) {
        let reader = self
        orderedParallelMap(count: paths.count, jobs: jobs, transform: { index in
            let summarizer = ReportSummarizer(filter: filter, details: details)
            reader.read(path: paths[index], into: summarizer)
            return FileSummary(path: paths[index], reports: summarizer.summaries, errors: summarizer.errors,
                               warnings: summarizer.warnings)
        }, consume: consume)
    }
}
