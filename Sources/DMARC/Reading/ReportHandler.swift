/// Receives reports as they are read, one record at a time, so that no report has to fit in memory.
///
/// For each report: `beginReport`, then `record` for each record, then either `endReport` (the report was read
/// to its end) or `fail` (it was not, and the records given since `beginReport` must not count).
/// `fail` also comes alone, without `beginReport`, when nothing of a report could be read.
public protocol ReportHandler: AnyObject {
    /// A report starts. `header` holds what came before its first record: in every real report, all of it.
    func beginReport(_ header: ReportHeader, origin: ReportOrigin)
    /// The next record of the current report.
    func record(_ record: Record)
    /// The current report was read completely; `header` is final.
    func endReport(_ header: ReportHeader)
    /// A report or a whole file could not be read.
    func fail(_ error: DMARCError)
    /// Something odd that did not stop the reading (recovered XML, bytes after a gzip stream).
    func warn(_ warning: DMARCWarning)
}

extension ReportHandler {
    public func warn(_ warning: DMARCWarning) {}
}
