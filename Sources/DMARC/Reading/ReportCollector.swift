/// A handler that keeps whole reports, for inputs small enough to hold in memory.
public final class ReportCollector: ReportHandler {
    /// Reports read to their end, in the order met.
    public private(set) var reports: [AggregateReport] = []
    /// Where each report in `reports` came from.
    public private(set) var origins: [ReportOrigin] = []
    public private(set) var errors: [DMARCError] = []
    public private(set) var warnings: [DMARCWarning] = []
    private var records: [Record] = []
    private var origin: ReportOrigin?

    public init() {}

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        records = []
        self.origin = origin
    }

    public func record(_ record: Record) {
        records.append(record)
    }

    public func endReport(_ header: ReportHeader) {
        reports.append(AggregateReport(header: header, records: records))
        origins.append(origin ?? ReportOrigin(file: ""))
        records = []
    }

    public func fail(_ error: DMARCError) {
        errors.append(error)
        records = []
    }

    public func warn(_ warning: DMARCWarning) {
        warnings.append(warning)
    }
}
