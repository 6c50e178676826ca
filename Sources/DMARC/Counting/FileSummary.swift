/// What reading one input file gave, for reporting it: its problems and how many reports it added.
public struct FileSummary: Sendable {
    public var path: String
    /// Reports counted from this file (duplicates of reports counted before, failed reports, reports a filter
    /// left out do not count).
    public var reportsCounted: Int
    public var errors: [DMARCError]
    public var warnings: [DMARCWarning]
}
