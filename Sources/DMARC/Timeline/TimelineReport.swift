/// One report's messages, counted record by record, waiting to be spread over the periods its date range covers.
///
/// Messages are kept in 20 disjoint cells (aligned SPF yes/no × aligned DKIM yes/no × disposition), and each cell
/// is spread on its own: so in every period DMARC pass + fail = messages, and the totals of all periods equal the
/// report's. Memory grows with the report's distinct sources, never with its records.
public struct TimelineReport: Sendable {
    /// Messages per cell; see `cellIndex`.
    var cells = [UInt64](repeating: 0, count: TimelineCounts.cellCount)
    /// The report's source addresses.
    var sources: Set<SourceIP> = []
    /// SPF and DKIM outcomes, over the whole report.
    public private(set) var authentication = AuthenticationShares()

    /// A report with no record counted yet.
    public init() {}

    /// Counts one record of a report published with `policy` (its DMARC result by the one rule, `DMARCOutcome`).
    public mutating func add(_ record: Record, under policy: PolicyPublished) {
        addCounts(of: record, outcome: record.dmarcOutcome(under: policy))
        sources.insert(record.sourceIP)
    }

    /// Counts one record's messages, whose DMARC result is `outcome`, but not its source (`TimelineCollector`
    /// keeps the sources as ids).
    mutating func addCounts(of record: Record, outcome: DMARCOutcome) {
        cells[TimelineCounts.cellIndex(of: record, outcome: outcome)].addSaturating(record.count)
        authentication.add(record, outcome: outcome)
    }

    /// True when no record was counted.
    public var isEmpty: Bool { sources.isEmpty }
}
