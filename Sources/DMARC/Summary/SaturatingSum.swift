/// Message counts add up saturating: a total that would pass `UInt64.max` stays there, never wraps round to a
/// small, plausible number, and never traps. A record's count is at most 2⁵³ − 1 (`ReportBuilder.maxCount`), so
/// only thousands of records at that absurd count reach the ceiling.
extension UInt64 {
    /// Adds `other`, staying at `UInt64.max` when the sum would pass it.
    @inline(__always)
    public mutating func addSaturating(_ other: UInt64) {
        let (sum, overflowed) = addingReportingOverflow(other)
        self = overflowed ? .max : sum
    }
}

extension Sequence<UInt64> {
    /// The sum of the elements, saturating (`UInt64.addSaturating`).
    public var saturatingSum: UInt64 {
        reduce(into: 0) { $0.addSaturating($1) }
    }
}
