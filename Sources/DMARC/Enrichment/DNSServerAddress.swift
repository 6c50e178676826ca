/// The server `--dns-server` names: an address and a port (53 unless given), written `192.0.2.1`, `192.0.2.1:5353`,
/// `2001:db8::1` or `[2001:db8::1]:5353`. An address, not a name: a name would need a resolver to find the resolver.
public struct DNSServerAddress: Sendable, Hashable, CustomStringConvertible {
    public var address: IPAddress
    public var port: UInt16

    public init(address: IPAddress, port: UInt16 = 53) {
        self.address = address
        self.port = port
    }

    /// Parses `HOST[:PORT]`; nil when it is neither.
    public init?(_ text: String) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"),
                  let address = IPAddress(text[text.index(after: text.startIndex)..<close]), !address.isIPv4
            else { return nil }
            let rest = text[text.index(after: close)...]
            if rest.isEmpty {
                self.init(address: address)
            } else {
                guard rest.hasPrefix(":"), let port = UInt16(rest.dropFirst()), port > 0 else { return nil }
                self.init(address: address, port: port)
            }
        } else if let address = IPAddress(text) {
            self.init(address: address)
        } else {
            guard let colon = text.lastIndex(of: ":"), let address = IPAddress(text[..<colon]), address.isIPv4,
                  let port = UInt16(text[text.index(after: colon)...]), port > 0 else { return nil }
            self.init(address: address, port: port)
        }
    }

    /// `192.0.2.1:53`, `[2001:db8::1]:53`: the form c-ares takes.
    public var description: String {
        address.isIPv4 ? "\(address):\(port)" : "[\(address)]:\(port)"
    }
}
