/// What one reporter sent.
public struct ReporterTotals: Sendable, Hashable {
    public var reports = 0
    /// Policy domains reported on (lower case).
    public var policyDomains: Set<String> = []
    /// The earliest begin and the latest end of the reports' periods.
    public var begin: Int64 = .max
    public var end: Int64 = .min
    public var records = 0
    public var totals = MessageTotals()

    public init() {}

    /// Adds another reporter's totals (the same reporter, counted elsewhere).
    public mutating func merge(_ other: ReporterTotals) {
        reports += other.reports
        policyDomains.formUnion(other.policyDomains)
        begin = Swift.min(begin, other.begin)
        end = Swift.max(end, other.end)
        records += other.records
        totals.add(other.totals)
    }

    mutating func add(_ summary: ReportSummary) {
        reports += 1
        policyDomains.insert(summary.header.policy.domain.lowercased())
        begin = min(begin, summary.header.metadata.dateRange.begin)
        end = max(end, summary.header.metadata.dateRange.end)
        records += summary.records
        totals.add(summary.totals)
    }
}
