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

/// Turns a `ReportAggregator` into a view: one report's totals are kept apart until it counts.
public final class AggregatingView<Aggregate: ReportAggregator>: CountedReportHandler {
    /// The totals of the reports that counted.
    public private(set) var totals = Aggregate()
    private var current = Aggregate()
    private var header = ReportHeader()
    private var origin = ReportOrigin(file: "")

    public init() {}

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        current = Aggregate()
        self.header = header
        self.origin = origin
    }

    public func record(_ record: Record) {
        current.add(record, in: header)
    }

    public func commitReport(_ header: ReportHeader) {
        current.addReport(header, origin: origin)
        totals.merge(current)
        current = Aggregate()
    }

    public func discardReport() {
        current = Aggregate()
    }

    /// Hands over the totals, leaving this view empty.
    public func takeTotals() -> Aggregate {
        defer { totals = Aggregate() }
        return totals
    }
}
