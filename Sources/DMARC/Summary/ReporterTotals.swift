/// What one reporter sent (one `ReporterIdentity` key, whatever names its reports used).
public struct ReporterTotals: Sendable, Hashable {
    public var reports = 0
    /// The names the reports gave their reporter (`ReportMetadata.reporter`), with how many reports used each.
    public var names: [String: Int] = [:]
    /// Policy domains reported on (lower case).
    public var policyDomains: Set<String> = []
    /// The earliest begin and the latest end of the reports' periods.
    public var begin: Int64 = .max
    public var end: Int64 = .min
    public var records = 0
    public var totals = MessageTotals()

    public init() {}

    /// The name to show: the one most reports used; of equally used names, the first in code-point order (so
    /// that the order reports were read in, or the threads, never change it).
    public var name: String {
        var best: (name: String, reports: Int)?
        for (name, reports) in names {
            if let current = best, reports < current.reports
                || reports == current.reports && !name.utf8.lexicographicallyPrecedes(current.name.utf8) { continue }
            best = (name, reports)
        }
        return best?.name ?? ""
    }

    /// Adds another reporter's totals (the same reporter, counted elsewhere).
    public mutating func merge(_ other: ReporterTotals) {
        reports += other.reports
        names.merge(other.names, uniquingKeysWith: +)
        policyDomains.formUnion(other.policyDomains)
        begin = Swift.min(begin, other.begin)
        end = Swift.max(end, other.end)
        records += other.records
        totals.add(other.totals)
    }

    mutating func add(_ summary: ReportSummary) {
        reports += 1
        names[summary.header.metadata.reporter, default: 0] += 1
        policyDomains.insert(summary.header.policy.domain.lowercased())
        begin = min(begin, summary.header.metadata.dateRange.begin)
        end = max(end, summary.header.metadata.dateRange.end)
        records += summary.records
        totals.add(summary.totals)
    }
}
