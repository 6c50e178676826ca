/// An IPv4 or IPv6 address, parsed without the C library and written canonically (RFC 5952 for IPv6).
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The address bytes: 4 for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    public var isIPv4: Bool { bytes.count == 4 }

    /// Parses dotted-quad IPv4 or any textual IPv6 form (including `::` and an embedded IPv4 tail).
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        if let v4 = Self.parseIPv4(utf8[...]) {
            bytes = v4
        } else if let v6 = Self.parseIPv6(utf8) {
            bytes = v6
        } else {
            return nil
        }
    }

    /// An address from raw bytes (4 or 16).
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    public var description: String {
        isIPv4 ? bytes.map(String.init).joined(separator: ".") : Self.formatIPv6(bytes)
    }

    /// IPv4 before IPv6, then by bytes.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.bytes.count != rhs.bytes.count { return lhs.bytes.count < rhs.bytes.count }
        return lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    private static func parseIPv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(4)
        for part in text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard (1...3).contains(part.count), part.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            if part.count > 1 && part.first == 0x30 { return nil }  // leading zeros are ambiguous (octal)
            let value = part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 255 else { return nil }
            result.append(UInt8(value))
        }
        return result.count == 4 ? result : nil
    }

    private static func parseIPv6(_ text: [UInt8]) -> [UInt8]? {
        guard text.count >= 2, text.count <= 45 else { return nil }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawGap = false
        var parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)[...]
        // A leading or trailing "::" yields two empty parts; fold them into one gap marker.
        if parts.first?.isEmpty == true {
            guard parts.count > 1, parts[parts.startIndex + 1].isEmpty else { return nil }
            parts = parts.dropFirst()
        }
        if parts.last?.isEmpty == true {
            guard parts.count > 1, parts[parts.endIndex - 2].isEmpty else { return nil }
            parts = parts.dropLast()
        }
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                guard !sawGap else { return nil }
                sawGap = true
                continue
            }
            if index == parts.count - 1, part.contains(UInt8(ascii: ".")) {
                guard let v4 = parseIPv4(part) else { return nil }
                let groups = [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                if sawGap { tail += groups } else { head += groups }
                continue
            }
            guard part.count <= 4, let group = UInt16(String(decoding: part, as: UTF8.self), radix: 16) else { return nil }
            if sawGap { tail.append(group) } else { head.append(group) }
        }
        let missing = 8 - head.count - tail.count
        guard sawGap ? missing >= 1 : missing == 0 else { return nil }
        let groups = head + Array(repeating: 0, count: sawGap ? missing : 0) + tail
        return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// RFC 5952: lower case, no leading zeros, the longest run (two groups or more) of zeros as `::`.
    private static func formatIPv6(_ bytes: [UInt8]) -> String {
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
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
        if bestStart == 0 && (bestLength == 6 || (bestLength == 5 && groups[5] == 0xFFFF)) {
            let v4 = bytes[12...].map(String.init).joined(separator: ".")
            return bestLength == 6 ? "::" + v4 : "::ffff:" + v4
        }
        var text = ""
        var index = 0
        while index < 8 {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if !text.isEmpty && !text.hasSuffix(":") { text += ":" }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }
}
