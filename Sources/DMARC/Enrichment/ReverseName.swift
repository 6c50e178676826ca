/// What reverse DNS said of one address: the PTR name (only when it is a valid host name) and whether that name
/// resolves back to the address (forward confirmation).
///
/// The resolver (`--resolve`) produces these; `SourceEnricher` only reads them, so the IP-database and service
/// columns work the same with or without DNS.
public struct ReverseName: Sendable, Hashable {
    /// The PTR name, lower case and without the trailing dot; nil when there is none, or none valid.
    public let name: String?
    /// Whether an A/AAAA lookup of `name` gave the address back.
    public let confirmed: Bool

    public init(name: String?, confirmed: Bool) {
        self.name = name
        self.confirmed = confirmed
    }
}
