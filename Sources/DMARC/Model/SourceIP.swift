/// The `source_ip` of a record: an address when it parses as one, the reporter's text otherwise.
///
/// Some reporters mask addresses (`xxx.xxx.xxx.xxx`); such text is kept, never dropped.
public struct SourceIP: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The parsed address, or nil when the text is no address.
    public let address: IPAddress?
    /// The reporter's text, kept only when it is no address.
    private let unparsedText: String

    /// The canonical text: RFC 5952 for IPv6, dotted quad for IPv4, the trimmed original otherwise.
    /// Written when asked for, not when read: a report has a record per source, a summary a row.
    public var text: String { address?.description ?? unparsedText }

    /// Reads a `<source_ip>` as a report writes it: an address (also in brackets, with a port, or zero-padded:
    /// `IPAddress.init?(lenientUTF8:)`), else the trimmed text.
    public init(reportText: String) {
        var trimmed = reportText.trimmingReportWhitespace()
        self = trimmed.withUTF8 { SourceIP(trimmedUTF8: $0) }
    }

    /// Reads the trimmed bytes of a `<source_ip>` element without making a string for an address.
    init(trimmedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        address = IPAddress(utf8: bytes) ?? IPAddress(lenientUTF8: bytes)
        unparsedText = address == nil ? String(decoding: bytes, as: UTF8.self) : ""
    }

    public var description: String { text }

    /// Addresses in address order, then unparsed text.
    public static func < (lhs: SourceIP, rhs: SourceIP) -> Bool {
        switch (lhs.address, rhs.address) {
        case let (l?, r?): l < r
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs.unparsedText < rhs.unparsedText
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
