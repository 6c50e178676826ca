/// A DKIM key as reports name it: the signing domain (`d=`, lower case) and the selector (`s=`, empty when a
/// report leaves it out).
public struct DKIMKey: Sendable, Hashable, Comparable {
    /// The signing domain, lower case.
    public var domain: String
    /// The selector as written; empty when the report leaves it out.
    public var selector: String

    /// A key by its domain (give it lower case) and selector.
    public init(domain: String, selector: String) {
        self.domain = domain
        self.selector = selector
    }

    public static func < (lhs: DKIMKey, rhs: DKIMKey) -> Bool {
        (lhs.domain, lhs.selector) < (rhs.domain, rhs.selector)
    }
}

/// The messages one DKIM key signed, by the receivers' result: which keys are in use, and which fail.
public struct DKIMKeyTotals: Sendable, Hashable {
    /// Messages carrying a signature by the key.
    public private(set) var messages: UInt64 = 0
    public private(set) var pass: UInt64 = 0
    public private(set) var fail: UInt64 = 0
    /// Any other result: `none`, `neutral`, `policy`, `temperror`, `permerror`, or a word no schema knows.
    public private(set) var other: UInt64 = 0
    /// The `header_from` domains of the messages it signed (lower case).
    public private(set) var headerFromDomains: Set<String> = []

    /// Nothing counted yet.
    public init() {}

    /// The totals `AuditTally` counted by ids, with the `header_from` domains named.
    init(_ counts: DKIMKeyCounts, headerFromDomains: Set<String>) {
        messages = counts.messages
        pass = counts.pass
        fail = counts.fail
        other = counts.other
        self.headerFromDomains = headerFromDomains
    }

    /// Adds the same key's totals counted elsewhere.
    public mutating func merge(_ other: DKIMKeyTotals) {
        messages.addSaturating(other.messages)
        pass.addSaturating(other.pass)
        fail.addSaturating(other.fail)
        self.other.addSaturating(other.other)
        headerFromDomains.formUnion(other.headerFromDomains)
    }
}

/// One DKIM key's counts as `AuditTally` keeps them: the `header_from` domains as ids.
struct DKIMKeyCounts: Sendable {
    var messages: UInt64 = 0
    var pass: UInt64 = 0
    var fail: UInt64 = 0
    var other: UInt64 = 0
    /// Ids of `AuditTally.names`.
    var headerFromDomains = IDSet()
    /// The last UTC day (of a report period's beginning) a signature by the key passed; `Int64.min` for none.
    var lastPassDay = Int64.min

    /// How a receiver judged a signature, as the counts split it; in order of preference (`PendingAudit`).
    enum Outcome: UInt8, Sendable {
        case pass, fail, other

        init(_ result: DKIMResult) {
            switch result {
            case .pass: self = .pass
            case .fail: self = .fail
            default: self = .other
            }
        }
    }

    /// Counts `count` messages signed by the key, judged `outcome`, sent as `headerFrom` (an id) in a report of `day`.
    mutating func add(_ outcome: Outcome, count: UInt64, headerFrom: UInt32, day: Int64) {
        messages.addSaturating(count)
        switch outcome {
        case .pass:
            pass.addSaturating(count)
            lastPassDay = max(lastPassDay, day)
        case .fail: fail.addSaturating(count)
        case .other: other.addSaturating(count)
        }
        headerFromDomains.insert(headerFrom)
    }

    /// Adds the same key's counts from another tally, its domain ids mapped to ours by `name`.
    mutating func merge(_ other: DKIMKeyCounts, name: (UInt32) -> UInt32) {
        messages.addSaturating(other.messages)
        pass.addSaturating(other.pass)
        fail.addSaturating(other.fail)
        self.other.addSaturating(other.other)
        lastPassDay = max(lastPassDay, other.lastPassDay)
        other.headerFromDomains.forEach { headerFromDomains.insert(name($0)) }
    }
}
