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
