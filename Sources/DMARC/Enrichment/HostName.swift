/// The rule for a name we show as a source's name: a host name of letters, digits and hyphens (RFC 952 and
/// RFC 1123 section 2.1), labels of 1 to 63 bytes that neither begin nor end with a hyphen, 253 bytes at most.
/// A PTR record can hold any bytes; anything else is not printed, since it could carry control characters or
/// pose as another name.
public enum HostName {
    /// What makes a name no host name; nil when it is one.
    public static func problem(with name: DNSName) -> String? {
        if name.labels.isEmpty { return "the name is empty (the root)" }
        if name.textLength > 253 { return "the name is \(name.textLength) bytes long (more than 253)" }
        for label in name.labels {
            if label.isEmpty { return "the name has an empty label" }
            if label.count > 63 { return "a label is \(label.count) bytes long (more than 63)" }
            if let byte = label.first(where: { !isLDH($0) }) {
                return "it holds \(describe(byte)), not only letters, digits and hyphens"
            }
            if label.first == UInt8(ascii: "-") || label.last == UInt8(ascii: "-") {
                return "a label begins or ends with a hyphen"
            }
        }
        return nil
    }

    /// The name as shown: lower case, without the final dot.
    public static func text(of name: DNSName) -> String {
        name.description.lowercased()
    }

    private static func isLDH(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): true
        default: false
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        byte > 0x20 && byte < 0x7F ? "'\(UnicodeScalar(byte))'" : "the byte \\\(String(format3(byte)))"
    }

    private static func format3(_ byte: UInt8) -> String {
        let digits = String(byte)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}
