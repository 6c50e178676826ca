/// A domain name as DNS carries it: a list of labels of any bytes (RFC 1035 section 3.1), not yet known to be a
/// host name. Compared without regard to ASCII case, as DNS compares names.
public struct DNSName: Sendable, Hashable, CustomStringConvertible {
    /// The labels, without the empty root label.
    public let labels: [[UInt8]]

    public init(labels: [[UInt8]]) {
        self.labels = labels
    }

    /// A name from dotted text, each label as given (no escapes): for names we make, such as `7.2.0.192.in-addr.arpa`.
    public init(_ text: String) {
        labels = text.split(separator: ".", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    /// The name of the PTR record of an address: `7.2.0.192.in-addr.arpa`, or the 32 nibbles under `ip6.arpa`.
    public init(reverseOf address: IPAddress) {
        let bytes = address.bytes
        if address.isIPv4 {
            self.init(bytes.reversed().map(String.init).joined(separator: ".") + ".in-addr.arpa")
        } else {
            let nibbles = bytes.reversed().flatMap { [String($0 & 0xF, radix: 16), String($0 >> 4, radix: 16)] }
            self.init(nibbles.joined(separator: ".") + ".ip6.arpa")
        }
    }

    /// The length of the name written as text without the final dot: the labels and the dots between them.
    public var textLength: Int { labels.reduce(0) { $0 + $1.count } + max(labels.count - 1, 0) }

    /// The master-file form (RFC 1035 section 5.1) without the final dot: printable ASCII as is, `.` and `\` escaped
    /// with a backslash, every other byte as `\DDD`. Safe to print and to store in a line of text.
    public var description: String {
        guard !labels.isEmpty else { return "." }
        var text = ""
        for (index, label) in labels.enumerated() {
            if index > 0 { text += "." }
            for byte in label {
                switch byte {
                case UInt8(ascii: "."), UInt8(ascii: "\\"): text += "\\" + String(UnicodeScalar(byte))
                case 0x21...0x7E: text.unicodeScalars.append(UnicodeScalar(byte))
                default: text += "\\" + String(repeating: "0", count: byte < 10 ? 2 : byte < 100 ? 1 : 0) + String(byte)
                }
            }
        }
        return text
    }

    /// Reads the master-file form back (`description`); nil when an escape is broken.
    public init?(presentation text: String) {
        guard text != "." else {
            self.init(labels: [])
            return
        }
        var labels: [[UInt8]] = [], label: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                labels.append(label)
                label = []
            } else if byte == UInt8(ascii: "\\") {
                guard index < bytes.count else { return nil }
                if index + 2 < bytes.count, bytes[index...index + 2].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    let value = bytes[index...index + 2].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    guard value <= 255 else { return nil }
                    label.append(UInt8(value))
                    index += 3
                } else {
                    label.append(bytes[index])
                    index += 1
                }
            } else {
                label.append(byte)
            }
        }
        labels.append(label)
        self.init(labels: labels)
    }

    public static func == (lhs: DNSName, rhs: DNSName) -> Bool {
        lhs.labels.count == rhs.labels.count && zip(lhs.labels, rhs.labels).allSatisfy { left, right in
            left.count == right.count && zip(left, right).allSatisfy { lowercased($0) == lowercased($1) }
        }
    }

    public func hash(into hasher: inout Hasher) {
        for label in labels {
            hasher.combine(label.count)
            for byte in label { hasher.combine(Self.lowercased(byte)) }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
