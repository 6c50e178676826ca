/// A view of the reports that count: what `ReportCounter` feeds after applying the counting rule.
///
/// For each report the filter admits: `beginReport`, then `record` for each admitted record, then exactly one of
/// `commitReport` (the report counts: read to its end, not a duplicate, not emptied by a record filter) or
/// `discardReport` (it does not: forget everything given since `beginReport`). Records are tentative until
/// `commitReport`: a view keeps one report's share apart (tallies, or rows) and adds or prints it whole.
///
/// Adding a view is writing one of these (or one `ReportAggregator`, which `AggregatingView` turns into one).
public protocol CountedReportHandler: AnyObject, SendableMetatype {
    /// A report the filter admits begins (`header` holds what came before its first record).
    func beginReport(_ header: ReportHeader, origin: ReportOrigin)
    /// The next record of the current report that the filter admits. Tentative until `commitReport`.
    func record(_ record: Record)
    /// The current report counts; `header` is final. Add or print its share now.
    func commitReport(_ header: ReportHeader)
    /// The current report does not count (it failed, is a duplicate or was emptied by a record filter).
    func discardReport()
}
