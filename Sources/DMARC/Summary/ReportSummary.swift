/// One report reduced to totals: what every summary view needs, without keeping its records.
public struct ReportSummary: Sendable {
    public var header: ReportHeader
    public var origin: ReportOrigin
    /// Records that passed the filter.
    public var records = 0
    public var totals = MessageTotals()
    /// Totals per source address (filled only when asked for), `header_from` domains as written.
    public internal(set) var sourceTable = SourceTable()
    /// The same, as a dictionary (made when asked for).
    public var sources: [SourceIP: SourceTotals] { sourceTable.sourceTotals }
    /// What the sender audit needs, for a summary made by hand (`ReportTotals.add` merges it). `ReportSummarizer`
    /// leaves it empty: it adds a report's records to its thread's tally directly (`AuditTally.addTentatively`).
    public var audit = AuditTally()

    public init(header: ReportHeader, origin: ReportOrigin) {
        self.header = header
        self.origin = origin
    }

    /// Reports with the same key are the same report saved twice (say as `.xml` and as `.xml.gz`).
    public var key: ReportKey { ReportKey(header) }
}
