/// Totals over many reports, per reporter and per source address, with duplicate reports counted once.
///
/// Add summaries in a fixed order (the order of the input files) and the result is the same on every run.
public struct Statistics: Sendable {
    public private(set) var reporters: [String: ReporterTotals] = [:]
    public private(set) var sources: [SourceIP: SourceTotals] = [:]
    /// What the sender audit needs, over all counted reports.
    public private(set) var audit = AuditTally()
    /// Reports counted.
    public private(set) var reportCount = 0
    /// Reports skipped because the same report was counted already.
    public private(set) var duplicateCount = 0
    private var seen: Set<ReportKey> = []

    public init() {}

    /// Counts a report unless the same report was counted before; returns whether it counted.
    @discardableResult
    public mutating func add(_ summary: ReportSummary) -> Bool {
        guard claim(summary.key) else { return false }
        reportCount += 1
        reporters[summary.header.metadata.reporter, default: ReporterTotals()].add(summary)
        for (source, totals) in summary.sources {
            sources[source, default: SourceTotals()].add(totals)
        }
        audit.add(summary.audit)
        return true
    }

    /// Marks a report as counted; false (and one more duplicate) when it was counted before.
    public mutating func claim(_ key: ReportKey) -> Bool {
        guard seen.insert(key).inserted else {
            duplicateCount += 1
            return false
        }
        return true
    }

    /// One row per reporter: most messages first, then by name.
    public var reporterRows: [(reporter: String, totals: ReporterTotals)] {
        reporters.map { ($0.key, $0.value) }.sorted {
            ($0.totals.totals.messages, $1.reporter) > ($1.totals.totals.messages, $0.reporter)
        }
    }

    /// One row per source address: most messages first, then by the address as text.
    public var sourceRows: [(source: SourceIP, totals: SourceTotals)] {
        sources.map { ($0.key, $0.value) }.sorted {
            if $0.totals.totals.messages != $1.totals.totals.messages {
                return $0.totals.totals.messages > $1.totals.totals.messages
            }
            return $0.source.text.utf8.lexicographicallyPrecedes($1.source.text.utf8)
        }
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

    mutating func add(_ summary: ReportSummary) {
        reports += 1
        policyDomains.insert(summary.header.policy.domain.lowercased())
        begin = min(begin, summary.header.metadata.dateRange.begin)
        end = max(end, summary.header.metadata.dateRange.end)
        records += summary.records
        totals.add(summary.totals)
    }
}
