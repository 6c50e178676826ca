/// Something reverse lookups met that leaves a source without a name, or a name unconfirmed, while the run goes on.
public struct ReverseLookupWarning: Sendable, Hashable, CustomStringConvertible {
    /// Which kind, so that a long run can say how many of each instead of one line per source.
    public enum Kind: Sendable, Hashable {
        /// An answer that is no well-formed DNS message.
        case malformedAnswer
        /// A PTR name that is no host name (too long, not letters, digits and hyphens).
        case invalidName
        /// The server answered with an error (SERVFAIL, REFUSED, ...): one warning for all.
        case serverError
        /// The server did not answer: one warning for all.
        case noAnswer
        /// The cache could not be read or written.
        case cache
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
