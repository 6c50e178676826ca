/// An IPv4 or IPv6 address, parsed without the C library and written canonically (RFC 5952 for IPv6).
///
/// Stored inline as 128 bits (IPv4 in the low 32), so parsing, hashing and comparing never allocate:
/// reports carry one address per record.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The high and low 64 bits of the address (for IPv4: 0 and the 32-bit value).
    let high: UInt64
    let low: UInt64
    public let isIPv4: Bool

    /// Parses dotted-quad IPv4 or any textual IPv6 form (including `::` and an embedded IPv4 tail).
    public init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses the UTF-8 text of an address.
    init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Self.parse(text) else { return nil }
        self = parsed
    }

    /// Parses an address as a report may write it besides the forms `init?(utf8:)` reads: in brackets
    /// (`[2001:db8::1]`), with a port (`192.0.2.1:25`, `[2001:db8::1]:25`), or IPv4 zero-padded (`192.000.002.001`,
    /// read as decimal: a reporter pads, no reporter means octal).
    init?(lenientUTF8 text: UnsafeBufferPointer<UInt8>) {
        var host = text[...]
        if host.first == UInt8(ascii: "[") {
            guard let close = host.firstIndex(of: UInt8(ascii: "]")),
                  Self.isPortSuffix(host[(close + 1)...]) else { return nil }
            host = host[(host.startIndex + 1)..<close]
        } else if let colon = host.firstIndex(of: UInt8(ascii: ":")), host.contains(UInt8(ascii: ".")),
                  host[(colon + 1)...].firstIndex(of: UInt8(ascii: ":")) == nil {
            // One colon after a dotted quad is a port (an IPv6 address with an IPv4 tail has two or more).
            guard Self.isPortSuffix(host[colon...]) else { return nil }
            host = host[..<colon]
        }
        let inner = UnsafeBufferPointer(rebasing: host)
        if let parsed = Self.parse(inner) {
            self = parsed
        } else if let v4 = Self.parseIPv4(host, zeroPadded: true) {
            self.init(high: 0, low: UInt64(v4), isIPv4: true)
        } else {
            return nil
        }
    }

    /// Nothing, or `:` and a port number.
    private static func isPortSuffix(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = text.first else { return true }
        let digits = text.dropFirst()
        return first == UInt8(ascii: ":") && (1...5).contains(digits.count)
            && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// An address from raw bytes (4 or 16).
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        let value = bytes.reduce((UInt64(0), UInt64(0))) { partial, byte in
            ((partial.0 << 8) | (partial.1 >> 56), (partial.1 << 8) | UInt64(byte))
        }
        self.init(high: value.0, low: value.1, isIPv4: bytes.count == 4)
    }

    init(high: UInt64, low: UInt64, isIPv4: Bool) {
        self.high = high
        self.low = low
        self.isIPv4 = isIPv4
    }

    /// The address bytes: 4 for IPv4, 16 for IPv6.
    public var bytes: [UInt8] {
        let count = isIPv4 ? 4 : 16
        return (0..<count).map { index in
            let shift = (count - 1 - index) * 8
            return UInt8(truncatingIfNeeded: shift >= 64 ? high >> (shift - 64) : low >> shift)
        }
    }

    /// The bit width: 32 or 128.
    public var bitWidth: Int { isIPv4 ? 32 : 128 }

    public var description: String {
        isIPv4 ? Self.formatIPv4(UInt32(truncatingIfNeeded: low)) : formatIPv6()
    }

    /// IPv4 before IPv6, then by value.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.isIPv4 != rhs.isIPv4 { return lhs.isIPv4 }
        return (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// The address with all but the first `length` bits cleared.
    func masked(to length: Int) -> IPAddress {
        let clearedBits = bitWidth - length
        func mask(_ bits: Int) -> UInt64 { bits >= 64 ? 0 : bits <= 0 ? .max : ~((1 << UInt64(bits)) - 1) }
        return IPAddress(high: high & mask(clearedBits - 64), low: low & mask(clearedBits), isIPv4: isIPv4)
    }

    // MARK: Parsing

    private static func parse(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        if let v4 = parseIPv4(text[...]) { return IPAddress(high: 0, low: UInt64(v4), isIPv4: true) }
        return parseIPv6(text)
    }

    /// A dotted quad; with `zeroPadded`, its parts may have leading zeros, each read as decimal
    /// (`init?(lenientUTF8:)`), else a leading zero makes it no address (`010` could be octal).
    private static func parseIPv4(_ text: Slice<UnsafeBufferPointer<UInt8>>, zeroPadded: Bool = false) -> UInt32? {
        var value: UInt32 = 0, part: UInt32 = 0, digits = 0, parts = 0
        var leadingZero = false
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return nil }
                value = value << 8 | part
                part = 0
                digits = 0
                parts += 1
            } else if byte >= 0x30 && byte <= 0x39 {
                if digits == 0 { leadingZero = byte == 0x30 } else if leadingZero && !zeroPadded { return nil }
                part = part * 10 + UInt32(byte - 0x30)
                digits += 1
                guard digits <= 3, part <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, parts == 3 else { return nil }
        return value << 8 | part
    }

    private static func parseIPv6(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        guard text.count >= 2, text.count <= 45 else { return nil }
        var groups = [UInt16](repeating: 0, count: 8)
        var count = 0
        var gapAt: Int?
        var index = 0
        if text[0] == UInt8(ascii: ":") {
            guard text[1] == UInt8(ascii: ":") else { return nil }
            gapAt = 0
            index = 2
        }
        while index < text.count {
            // An IPv4 tail takes the last two groups.
            var end = index
            var value: UInt32 = 0
            while end < text.count, let digit = hexValue(text[end]) {
                value = value << 4 | UInt32(digit)
                end += 1
                if end - index > 4 { return nil }
            }
            if end < text.count && text[end] == UInt8(ascii: ".") {
                guard count <= 6, let v4 = parseIPv4(text[index...]) else { return nil }
                groups[count] = UInt16(v4 >> 16)
                groups[count + 1] = UInt16(v4 & 0xFFFF)
                count += 2
                index = text.count
                break
            }
            guard end > index, count < 8 else { return nil }
            groups[count] = UInt16(value)
            count += 1
            index = end
            guard index < text.count else { break }
            guard text[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            if index < text.count && text[index] == UInt8(ascii: ":") {
                guard gapAt == nil else { return nil }
                gapAt = count
                index += 1
            } else if index == text.count {
                return nil  // a single trailing colon
            }
        }
        if let gapAt {
            guard count < 8 else { return nil }
            let tail = Array(groups[gapAt..<count])
            for position in gapAt..<8 { groups[position] = 0 }
            for (offset, group) in tail.enumerated() { groups[8 - tail.count + offset] = group }
        } else {
            guard count == 8 else { return nil }
        }
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return IPAddress(high: high, low: low, isIPv4: false)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    // MARK: Formatting

    private static func formatIPv4(_ value: UInt32) -> String {
        String(unsafeUninitializedCapacity: 15) { text in
            var count = 0
            appendIPv4(value, to: text, at: &count)
            return count
        }
    }

    /// RFC 5952: lower case, no leading zeros, the first longest run (two groups or more) of zeros as `::`.
    /// Written byte by byte into the string's storage: a summary writes one per source, and sorts by it.
    private func formatIPv6() -> String {
        var groups: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &groups) { raw in
            let group = raw.bindMemory(to: UInt16.self)
            for index in 0..<8 {
                group[index] = UInt16(truncatingIfNeeded: index < 4 ? high >> (48 - 16 * index)
                                                                  : low >> (48 - 16 * (index - 4)))
            }
        }
        return withUnsafeBytes(of: groups) { raw in
            let groups = raw.bindMemory(to: UInt16.self)
            var bestStart = -1, bestLength = 0, runStart = -1
            for index in 0...8 {
                if index < 8 && groups[index] == 0 {
                    if runStart < 0 { runStart = index }
                } else if runStart >= 0 {
                    if index - runStart > bestLength { bestStart = runStart; bestLength = index - runStart }
                    runStart = -1
                }
            }
            if bestLength < 2 { bestStart = -1 }
            let embedsIPv4 = bestStart == 0 && (bestLength == 6 || (bestLength == 5 && groups[5] == 0xFFFF))
            return String(unsafeUninitializedCapacity: 45) { text in
                var count = 0
                func append(_ byte: UInt8) {
                    text[count] = byte
                    count += 1
                }
                if embedsIPv4 {
                    append(0x3A)
                    append(0x3A)
                    if bestLength == 5 { for byte in "ffff:".utf8 { append(byte) } }
                    Self.appendIPv4(UInt32(truncatingIfNeeded: low), to: text, at: &count)
                    return count
                }
                var index = 0
                while index < 8 {
                    if index == bestStart {
                        append(0x3A)
                        append(0x3A)
                        index += bestLength
                        continue
                    }
                    if count > 0 && text[count - 1] != 0x3A { append(0x3A) }
                    let group = groups[index]
                    var shift = 12
                    while shift > 0 && group >> UInt16(shift) == 0 { shift -= 4 }
                    while shift >= 0 {
                        let digit = UInt8(truncatingIfNeeded: group >> UInt16(shift) & 0xF)
                        append(digit < 10 ? 0x30 + digit : 0x57 + digit)
                        shift -= 4
                    }
                    index += 1
                }
                return count
            }
        }
    }

    /// Writes the dotted quad of `value` at `count`, advancing it.
    private static func appendIPv4(_ value: UInt32, to text: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        for part in 0..<4 {
            if part > 0 {
                text[count] = 0x2E
                count += 1
            }
            let byte = UInt8(truncatingIfNeeded: value >> (24 - 8 * part))
            if byte >= 100 {
                text[count] = 0x30 + byte / 100
                count += 1
            }
            if byte >= 10 {
                text[count] = 0x30 + byte / 10 % 10
                count += 1
            }
            text[count] = 0x30 + byte % 10
            count += 1
        }
    }
}
