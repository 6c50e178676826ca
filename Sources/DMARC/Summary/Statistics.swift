import Foundation

/// Totals over many reports, per reporter and per source address, with duplicate reports counted once.
///
/// Totals are sums and sets, so the order reports are added in does not change them; rows come out sorted.
/// Statistics built on several threads share one `ReportRegistry` and are then merged.
public struct Statistics: Sendable {
    public private(set) var reporters: [String: ReporterTotals] = [:]
    public private(set) var sources: [SourceIP: SourceTotals] = [:]
    /// What the sender audit needs, over all counted reports.
    public private(set) var audit = AuditTally()
    /// Reports counted.
    public private(set) var reportCount = 0
    /// Reports skipped because the same report was counted already.
    public private(set) var duplicateCount = 0
    private var seen: Set<ReportKey.Digest> = []
    let registry: ReportRegistry?

    /// Statistics that remember the reports they counted themselves.
    public init() {
        registry = nil
    }

    /// Statistics that share the record of counted reports with others (one per thread, merged at the end).
    public init(sharing registry: ReportRegistry?) {
        self.registry = registry
    }

    /// Counts a report unless the same report was counted before; returns whether it counted.
    @discardableResult
    public mutating func add(_ summary: ReportSummary) -> Bool {
        guard claim(summary.key) else { return false }
        reportCount += 1
        let reporter = summary.header.metadata.reporter
        reporters[reporter, default: ReporterTotals()].add(summary)
        for (source, totals) in summary.sources {
            sources[source, default: SourceTotals()].add(oneReport: totals, reporter: reporter)
        }
        audit.add(summary.audit)
        return true
    }

    /// Adds what other statistics counted (built on another thread with the same registry).
    public mutating func merge(_ other: Statistics) {
        reportCount += other.reportCount
        duplicateCount += other.duplicateCount
        for (reporter, totals) in other.reporters { reporters[reporter, default: ReporterTotals()].merge(totals) }
        for (source, totals) in other.sources { sources[source, default: SourceTotals()].add(totals) }
        audit.add(other.audit)
        seen.formUnion(other.seen)
    }

    /// Marks a report as counted; false (and one more duplicate) when it was counted before.
    public mutating func claim(_ key: ReportKey) -> Bool {
        let isNew = registry?.claim(key) ?? seen.insert(key.digest).inserted
        if !isNew { duplicateCount += 1 }
        return isNew
    }

    /// One row per reporter: most messages first, then by name.
    public var reporterRows: [(reporter: String, totals: ReporterTotals)] {
        reporters.map { ($0.key, $0.value) }.sorted {
            ($0.totals.totals.messages, $1.reporter) > ($1.totals.totals.messages, $0.reporter)
        }
    }

    /// One row per source address: most messages first, then by the address as text.
    public var sourceRows: [(source: SourceIP, totals: SourceTotals)] {
        let rows = sources.map { (text: $0.key.text, source: $0.key, totals: $0.value) }.sorted {
            if $0.totals.totals.messages != $1.totals.totals.messages {
                return $0.totals.totals.messages > $1.totals.totals.messages
            }
            return $0.text.utf8.lexicographicallyPrecedes($1.text.utf8)
        }
        return rows.map { ($0.source, $0.totals) }
    }
}

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

/// The reports counted so far, shared by statistics built on several threads: the first to claim a report
/// counts it, any later copy is a duplicate.
public final class ReportRegistry: @unchecked Sendable {
    private let lock = NSLock()
    /// Digests, not keys: a folder of 100,000 reports would otherwise hold 300,000 strings.
    private var claimed: Set<ReportKey.Digest> = []

    public init() {}

    /// True the first time a key is claimed.
    public func claim(_ key: ReportKey) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return claimed.insert(key.digest).inserted
    }
}
