/// When one source's mail signed by one DKIM key passed and failed, to the day: enough to tell a key that stopped
/// verifying (retired from DNS while a server still signs with it) from one that forwarders break (`AuditTally
/// .retiredKeys()`).
struct KeySourceDays: Sendable, Equatable {
    /// The last UTC day (of a report period's beginning) a signature by the key passed from the source.
    private(set) var lastPass = Int64.min
    /// The last two distinct days one failed from the source, the later first.
    private(set) var lastFails = (Int64.min, Int64.min)

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.lastPass == rhs.lastPass && lhs.lastFails == rhs.lastFails
    }

    mutating func add(passed: Bool, day: Int64) {
        if passed {
            lastPass = max(lastPass, day)
        } else {
            addFail(day)
        }
    }

    private mutating func addFail(_ day: Int64) {
        if day > lastFails.0 {
            lastFails = (day, lastFails.0)
        } else if day < lastFails.0 && day > lastFails.1 {
            lastFails.1 = day
        }
    }

    mutating func merge(_ other: KeySourceDays) {
        lastPass = max(lastPass, other.lastPass)
        if other.lastFails.0 != .min { addFail(other.lastFails.0) }
        if other.lastFails.1 != .min { addFail(other.lastFails.1) }
    }

    /// Whether the source signed with the key, it passed, and then it failed on two days after `keyLastPass` (the
    /// last day the key passed from any source): the key no longer verifies, and the source still signs with it.
    func showsRetirement(keyLastPass: Int64) -> Bool {
        lastPass != .min && lastFails.1 > keyLastPass
    }
}
