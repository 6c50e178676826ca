/// Totals over the reports that counted: per reporter, per source address, and what the sender audit needs.
///
/// Totals are sums and sets, so the order reports are added in does not change them; rows come out sorted.
/// Which reports count is not decided here but by `ReportCounter` (filter, duplicates, failures); totals
/// made on several threads are merged.
public struct ReportTotals: Sendable {
    /// Per reporter, keyed by `ReporterIdentity.key`: one entry however a reporter names itself.
    public private(set) var reporters: [String: ReporterTotals] = [:]
    public private(set) var sources: [SourceIP: SourceTotals] = [:]
    /// What the sender audit needs, over all counted reports.
    public private(set) var audit = AuditTally()
    /// Reports counted.
    public private(set) var reportCount = 0
    /// Reports skipped because the same report was counted already (set by the run that made these totals).
    public internal(set) var duplicateCount = 0

    public init() {}

    /// Adds a report that counts.
    public mutating func add(_ summary: ReportSummary) {
        reportCount += 1
        let reporter = summary.header.metadata.reporter
        reporters[ReporterIdentity.key(of: summary.header.metadata), default: ReporterTotals()].add(summary)
        for (source, totals) in summary.sources {
            sources[source, default: SourceTotals()].add(oneReport: totals, reporter: reporter)
        }
        audit.merge(summary.audit)
    }

    /// Adds what other totals counted (made on another thread of the same run).
    public mutating func merge(_ other: ReportTotals) {
        reportCount += other.reportCount
        duplicateCount += other.duplicateCount
        for (reporter, totals) in other.reporters { reporters[reporter, default: ReporterTotals()].merge(totals) }
        for (source, totals) in other.sources { sources[source, default: SourceTotals()].add(totals) }
        audit.merge(other.audit)
    }

    /// One row per reporter, named as it names itself most (two reporters of one name, from different domains, are
    /// told apart by their `ReporterIdentity` key: `Outlook (outlook.example)`): most messages first, then by name.
    public var reporterRows: [(reporter: String, totals: ReporterTotals)] {
        var keysByName: [String: Int] = [:]
        for totals in reporters.values { keysByName[totals.name, default: 0] += 1 }
        return reporters.map { key, totals in
            (keysByName[totals.name, default: 0] > 1 ? "\(totals.name) (\(key))" : totals.name, totals)
        }.sorted {
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

/// The former name of `ReportTotals`, kept so that branches written against it still build.
public typealias Statistics = ReportTotals
