/// A view as a value: totals of some kind over the records of the reports that count.
///
/// Write `add` for one record (and `addReport` if the report itself matters) and `merge` for totals made on
/// another thread; `AggregatingView` keeps one report's share apart and merges it when the report counts, and
/// `ReportReader.aggregate(files:jobs:filter:as:_:)` runs it over files on several threads.
public protocol ReportAggregator: Sendable {
    /// Empty totals.
    init()
    /// Counts one admitted record of a report (tentatively: the report may still not count).
    mutating func add(_ record: Record, in header: ReportHeader)
    /// Counts a report that counts, with its final header, once its records were added.
    mutating func addReport(_ header: ReportHeader, origin: ReportOrigin)
    /// Adds totals made elsewhere (another report, another thread).
    mutating func merge(_ other: Self)
}

extension ReportAggregator {
    public mutating func addReport(_ header: ReportHeader, origin: ReportOrigin) {}
}
