/// The last two distinct UTC days (of report periods' beginnings) one source's signatures by one DKIM key failed
/// (`fail` or `permerror`): enough to tell a key that stopped verifying — retired from DNS while a server still signs
/// with it — from one that forwarders break (`AuditTally.retiredKeys()`).
struct FailureDays: Sendable {
    /// The later day first; `Int64.min` for none.
    private(set) var last = (Int64.min, Int64.min)

    mutating func add(_ day: Int64) {
        if day > last.0 {
            last = (day, last.0)
        } else if day < last.0 && day > last.1 {
            last.1 = day
        }
    }

    mutating func merge(_ other: FailureDays) {
        if other.last.0 != .min { add(other.last.0) }
        if other.last.1 != .min { add(other.last.1) }
    }

    /// Whether it failed on two days after `day`.
    func twoDays(after day: Int64) -> Bool { last.1 > day }
}
