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

    init(_ result: DKIMAuthResult) {
        self.init(domain: OrganisationalDomain.normalised(result.domain), selector: result.selector ?? "")
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

    mutating func add(_ signature: DKIMAuthResult, of record: Record, headerFrom: String) {
        messages &+= record.count
        switch signature.result {
        case .pass: pass &+= record.count
        case .fail: fail &+= record.count
        default: other &+= record.count
        }
        if headerFromDomains.count != 1 || headerFromDomains.first != headerFrom { headerFromDomains.insert(headerFrom) }
    }

    /// Adds the same key's totals counted elsewhere.
    public mutating func merge(_ other: DKIMKeyTotals) {
        messages &+= other.messages
        pass &+= other.pass
        fail &+= other.fail
        self.other &+= other.other
        headerFromDomains.formUnion(other.headerFromDomains)
    }
}
