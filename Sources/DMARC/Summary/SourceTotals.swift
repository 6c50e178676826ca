/// What one source address sent, across reports.
public struct SourceTotals: Sendable, Hashable {
    public var totals = MessageTotals()
    /// The `header_from` domains seen from this source (lower case).
    public var headerFromDomains: Set<String> = []
    /// The reporters that saw this source.
    public var reporters: Set<String> = []

    public init() {}

    public mutating func add(_ other: SourceTotals) {
        totals.add(other.totals)
        headerFromDomains.formUnion(other.headerFromDomains)
        reporters.formUnion(other.reporters)
    }

    /// Adds one report's totals for this source: its domains as written (lower-cased here, once per report
    /// rather than once per record) and the report's reporter.
    mutating func add(oneReport other: SourceTotals, reporter: String) {
        totals.add(other.totals)
        for domain in other.headerFromDomains { headerFromDomains.insert(domain.lowercased()) }
        reporters.insert(reporter)
    }
}

extension SourceTotals {
    /// Counts one record; its `header_from` is kept as written (see `add(oneReport:reporter:)`).
    mutating func add(_ record: Record, outcome: DMARCOutcome) {
        totals.add(record, outcome: outcome)
        // Consecutive records of a source nearly always name the same domain: compare before hashing.
        if headerFromDomains.count != 1 || headerFromDomains.first != record.identifiers.headerFrom {
            headerFromDomains.insert(record.identifiers.headerFrom)
        }
    }
}
