import Foundation

/// Countries from a text table in the layout of Debian's `tor-geoipdb` (`/usr/share/tor/geoip`, `geoip6`: IPFire
/// Location data, CC BY-SA 4.0): after `#` comments, one range a line, `FROM,TO,CC`, IPv4 ends as 32-bit integers
/// (`16777216,16777471,AU`), IPv6 ends as addresses (`2001:db8::,2001:db8::ffff,NL`); `??` is no country.
///
/// The file comes from outside: a line that is not of this shape is skipped and counted (one warning names the
/// first), ranges may come in any order and overlap (the narrowest wins), and nothing in it can end the run.
/// The installed files are large (660,000 lines), so the default tables read their file when first asked.
public final class TorGeoIPTable: IPDatabase {
    public let path: String
    public private(set) var warnings: [EnrichmentWarning] = []
    /// Kept compact (Debian's two files hold 660,000 ranges): IPv4 ends as 32 bits, IPv6 as 128, the country as
    /// its two ASCII letters.
    private var ipv4 = RangeList<UInt32>()
    private var ipv6 = RangeList<UInt128>()
    private var pendingFile: Bool
    /// For a lazy table known to hold one family only (Debian's `geoip` IPv4, `geoip6` IPv6): whether it holds
    /// IPv4 ranges. A lookup of the other family then leaves the file unread — on a folder of IPv4 sources the
    /// 16 MB `geoip6` is never parsed.
    private let onlyIPv4: Bool?

    /// Reads a file now; nil when it cannot be read or has not one line of the layout (so that `IPDatabases.open`
    /// can say it is neither kind of database).
    init?(contentsOf path: String) {
        self.path = path
        pendingFile = false
        onlyIPv4 = nil
        guard let data = Self.contents(of: path) else { return nil }
        load(data)
        if isEmpty { return nil }
    }

    /// A table whose file is read on the first lookup (of `onlyIPv4`'s family, when given).
    public init(lazilyFrom path: String, onlyIPv4: Bool? = nil) {
        self.path = path
        pendingFile = true
        self.onlyIPv4 = onlyIPv4
    }

    /// Parses the text of a table (the fuzz target's entry); `path` names it in warnings.
    public init(parsing bytes: some Collection<UInt8>, path: String) {
        self.path = path
        pendingFile = false
        onlyIPv4 = nil
        load(Data(bytes))
    }

    /// Ranges read.
    public var count: Int { ipv4.ranges.count + ipv6.ranges.count }
    var isEmpty: Bool { count == 0 }

    /// The file, mapped rather than copied when it can be.
    private static func contents(of path: String) -> Data? {
        try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    }

    public func facts(for address: IPAddress) -> NetworkFacts? {
        if let onlyIPv4, onlyIPv4 != address.isIPv4 { return nil }
        if pendingFile {
            pendingFile = false
            if let data = Self.contents(of: path) {
                load(data)
            } else {
                warnings.append(EnrichmentWarning("cannot be read: no countries from it", in: path))
            }
        }
        let country = address.isIPv4
            ? ipv4.country(of: UInt32(truncatingIfNeeded: address.low))
            : ipv6.country(of: UInt128(address.high) << 64 | UInt128(address.low))
        return country.map { NetworkFacts(country: $0) }
    }

    private func load(_ data: Data) {
        var malformed = 0
        var firstMalformedLine = 0
        var parsed4 = RangeList<UInt32>(), parsed6 = RangeList<UInt128>()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var lineNumber = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                lineNumber += 1
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                if end > lineStart && bytes[lineStart] != UInt8(ascii: "#") {
                    switch Self.parseLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<end])) {
                    case .range(let first, let last, let country):
                        if first.isIPv4 {
                            parsed4.ranges.append(.init(first: UInt32(truncatingIfNeeded: first.low),
                                                        last: UInt32(truncatingIfNeeded: last.low), country: country))
                        } else {
                            parsed6.ranges.append(.init(first: UInt128(first.high) << 64 | UInt128(first.low),
                                                        last: UInt128(last.high) << 64 | UInt128(last.low),
                                                        country: country))
                        }
                    case .noCountry: break
                    case .malformed:
                        malformed += 1
                        if firstMalformedLine == 0 { firstMalformedLine = lineNumber }
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        parsed4.sort()
        parsed6.sort()
        ipv4 = parsed4
        ipv6 = parsed6
        if malformed > 0 {
            warnings.append(EnrichmentWarning(
                "\(malformed) line\(malformed == 1 ? "" : "s") not of the form FROM,TO,CC skipped (the first: line \(firstMalformedLine))",
                in: path))
        }
    }

    private enum Line {
        case range(first: IPAddress, last: IPAddress, country: UInt16)
        case noCountry
        case malformed
    }

    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>) -> Line {
        guard let firstComma = line.firstIndex(of: UInt8(ascii: ",")) else { return .malformed }
        guard let secondComma = line[(firstComma + 1)...].firstIndex(of: UInt8(ascii: ",")) else { return .malformed }
        let from = UnsafeBufferPointer(rebasing: line[..<firstComma])
        let to = UnsafeBufferPointer(rebasing: line[(firstComma + 1)..<secondComma])
        let code = line[(secondComma + 1)...]
        guard code.count == 2 else { return .malformed }
        guard let first = address(from), let last = address(to), first.isIPv4 == last.isIPv4, first <= last else {
            return .malformed
        }
        if code.elementsEqual("??".utf8) { return .noCountry }
        guard code.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) else { return .malformed }
        let upper = code.map { $0 & ~0x20 }  // ASCII letters only, checked above
        return .range(first: first, last: last, country: UInt16(upper[upper.startIndex]) << 8 | UInt16(upper[upper.startIndex + 1]))
    }

    /// An IPv4 end as a decimal 32-bit integer, or an IPv6 end as text.
    private static func address(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard text.count <= 10 else { return nil }
            let value = text.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) }
            guard value <= UInt64(UInt32.max) else { return nil }
            return IPAddress(high: 0, low: value, isIPv4: true)
        }
        guard let address = IPAddress(utf8: text), !address.isIPv4 else { return nil }
        return address
    }
}

/// Ranges of one address family, sorted by start and then widest first, with their countries.
struct RangeList<Bound: FixedWidthInteger & UnsignedInteger> {
    struct Entry {
        var first: Bound
        var last: Bound
        /// Two ASCII capital letters, the first in the high byte.
        var country: UInt16
    }

    var ranges: [Entry] = []

    /// Sorts, when not sorted already (Debian's files are: checked in one pass).
    mutating func sort() {
        let order: (Entry, Entry) -> Bool = { ($0.first, $1.last) < ($1.first, $0.last) }
        if zip(ranges, ranges.dropFirst()).contains(where: { order($1, $0) }) { ranges.sort(by: order) }
    }

    /// The country of the narrowest range holding `value`: the last range starting at or before it, else (ranges
    /// may nest) one of the few before that.
    func country(of value: Bound) -> String? {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].first <= value { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= 0 && low - 1 - index < 8 {
            let range = ranges[index]
            if value <= range.last {
                return String(decoding: [UInt8(range.country >> 8), UInt8(range.country & 0xFF)], as: UTF8.self)
            }
            index -= 1
        }
        return nil
    }
}

