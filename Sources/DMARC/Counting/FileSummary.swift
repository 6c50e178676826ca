/// What reading one input file gave, for reporting it: its problems and how many reports it added.
public struct FileSummary: Sendable {
    public var path: String
    /// Reports counted from this file (duplicates of reports counted before, failed reports, reports a filter
    /// left out do not count).
    public var reportsCounted: Int
    public var errors: [DMARCError]
    public var warnings: [DMARCWarning]
    /// Reports read to their end from this file, whether they counted or not (a filter left them out, duplicates):
    /// for saying that the filters, not the input, left nothing.
    public var reportsRead: Int = 0
    /// Where the copies of already counted reports met in this file came from (skipped as duplicates).
    public var duplicateOrigins: [ReportOrigin] = []
}
