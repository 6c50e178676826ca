/// Totals over the reports that counted: per reporter, per source address, and what the sender audit needs.
///
/// Totals are sums and sets, so the order reports are added in does not change them; rows come out sorted.
/// Which reports count is not decided here but by `ReportCounter` (filter, duplicates, failures); totals
/// made on several threads are merged.
public struct ReportTotals: Sendable {
    /// Per reporter, keyed by `ReporterIdentity.key`: one entry however a reporter names itself.
    public private(set) var reporters: [String: ReporterTotals] = [:]
    /// Per source address: the view `-s` prints.
    public private(set) var sourceTable = SourceTable()
    /// The same, as a dictionary (made when asked for).
    public var sources: [SourceIP: SourceTotals] { sourceTable.sourceTotals }
    /// What the sender audit needs, over all counted reports.
    public private(set) var audit = AuditTally()
    /// Reports counted.
    public private(set) var reportCount = 0
    /// Reports skipped because the same report was counted already (set by the run that made these totals).
    public internal(set) var duplicateCount = 0
    private var reporterKeys = ReporterKeyCache()

    public init() {}

    /// Adds a report that counts.
    public mutating func add(_ summary: ReportSummary) {
        reportCount += 1
        let reporter = summary.header.metadata.reporter
        reporters[reporterKeys.key(of: summary.header.metadata), default: ReporterTotals()].add(summary)
        if !summary.sourceTable.isEmpty { sourceTable.add(report: summary.sourceTable, reporter: reporter) }
        audit.merge(summary.audit)
    }

    /// Adds a report that counts, taking its source table when these totals have none yet (the first report, or
    /// the one giant report: then one table is held, not two) and leaving it empty.
    mutating func add(taking summary: inout ReportSummary) {
        guard sourceTable.isEmpty && !summary.sourceTable.isEmpty else {
            add(summary)
            return
        }
        swap(&sourceTable, &summary.sourceTable)
        sourceTable.adoptAsTotals(reporter: summary.header.metadata.reporter)
        add(summary)  // its source table is now empty
    }

    /// Adds an audit tally counted beside these totals (`ReportSummarizer` keeps one per thread).
    mutating func add(audit other: AuditTally) {
        audit.merge(other)
    }

    /// Adds what other totals counted (made on another thread of the same run).
    public mutating func merge(_ other: ReportTotals) {
        reportCount += other.reportCount
        duplicateCount += other.duplicateCount
        for (reporter, totals) in other.reporters { reporters[reporter, default: ReporterTotals()].merge(totals) }
        sourceTable.merge(other.sourceTable)
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
        sourceTable.sortedOrder().map { index in
            let row = sourceTable.rows[index]
            var totals = SourceTotals()
            totals.totals = row.totals
            totals.reporters = Set(sourceTable.reporters(of: row))
            totals.headerFromDomains = Set(sourceTable.domains(of: row))
            return (row.source, totals)
        }
    }
}

/// The former name of `ReportTotals`, kept so that branches written against it still build.
public typealias Statistics = ReportTotals
