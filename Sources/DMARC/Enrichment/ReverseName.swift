/// What reverse DNS says a source is: its PTR name, when it has a valid one, and whether that name resolves back
/// to the address (forward-confirmed reverse DNS).
public struct ReverseName: Sendable, Hashable {
    /// The PTR name, lower case and without the final dot; nil when there is none or it is no valid host name.
    public let name: String?
    /// Whether an A (IPv4) or AAAA (IPv6) lookup of `name` gave the address back.
    public let confirmed: Bool

    public init(name: String?, confirmed: Bool) {
        self.name = name
        self.confirmed = confirmed
    }
}
