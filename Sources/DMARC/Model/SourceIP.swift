/// The `source_ip` of a record: an address when it parses as one, the reporter's text otherwise.
///
/// Some reporters mask addresses (`xxx.xxx.xxx.xxx`); such text is kept, never dropped.
public struct SourceIP: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The canonical text: RFC 5952 for IPv6, dotted quad for IPv4, the trimmed original otherwise.
    public let text: String
    /// The parsed address, or nil when the text is no address.
    public let address: IPAddress?

    public init(reportText: String) {
        let trimmed = reportText.trimmingReportWhitespace()
        if let address = IPAddress(trimmed) {
            self.address = address
            // Dotted-quad text that parses is canonical already (no leading zeros, four parts).
            self.text = address.isIPv4 ? trimmed : address.description
        } else {
            self.address = nil
            self.text = trimmed
        }
    }

    public var description: String { text }

    /// The text follows from the address when there is one, so hashing the address alone is enough (and cheaper).
    public func hash(into hasher: inout Hasher) {
        if let address { hasher.combine(address) } else { hasher.combine(text) }
    }

    public static func == (lhs: SourceIP, rhs: SourceIP) -> Bool {
        lhs.address == rhs.address && (lhs.address != nil || lhs.text == rhs.text)
    }

    /// Addresses in address order, then unparsed text.
    public static func < (lhs: SourceIP, rhs: SourceIP) -> Bool {
        switch (lhs.address, rhs.address) {
        case let (l?, r?): l < r
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs.text < rhs.text
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(reportText: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
