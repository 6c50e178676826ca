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
}

