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
    private var ranges: [Range] = []
    private var pendingFile: Bool

    struct Range {
        var first: IPAddress
        var last: IPAddress
        var country: String
    }

    /// Reads a file now; nil when it cannot be read or has not one line of the layout (so that `IPDatabases.open`
    /// can say it is neither kind of database).
    init?(contentsOf path: String) {
        self.path = path
        pendingFile = false
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        load(data)
        if ranges.isEmpty { return nil }
    }

    /// A table whose file is read on the first lookup.
    init(lazilyFrom path: String) {
        self.path = path
        pendingFile = true
    }

    /// Parses the text of a table (the fuzz target's entry); `path` names it in warnings.
    public init(parsing bytes: some Collection<UInt8>, path: String) {
        self.path = path
        pendingFile = false
        load(Data(bytes))
    }

    /// Ranges read.
    public var count: Int { ranges.count }
    var isEmpty: Bool { ranges.isEmpty }

    public func facts(for address: IPAddress) -> NetworkFacts? {
        if pendingFile {
            pendingFile = false
            if let data = FileManager.default.contents(atPath: path) {
                load(data)
            } else {
                warnings.append(EnrichmentWarning("cannot be read: no countries from it", in: path))
            }
        }
        // The last range starting at or before the address; ranges are sorted by start, then widest first, so a
        // narrower range nested in a wider one comes after it and wins.
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].first <= address { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= 0 {
            let range = ranges[index]
            if range.first.isIPv4 == address.isIPv4 && address <= range.last {
                return NetworkFacts(country: range.country)
            }
            // An earlier, wider range may still hold the address (overlaps); look back a few at most.
            if low - 1 - index >= 8 { break }
            index -= 1
        }
        return nil
    }

    private func load(_ data: Data) {
        var malformed = 0
        var firstMalformedLine = 0
        var parsed: [Range] = []
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
                    case .range(let range): parsed.append(range)
                    case .noCountry: break
                    case .malformed:
                        malformed += 1
                        if firstMalformedLine == 0 { firstMalformedLine = lineNumber }
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        // Debian's files come sorted: checked in one pass, sorted only when not.
        let order: (Range, Range) -> Bool = { ($0.first, $1.last) < ($1.first, $0.last) }
        if zip(parsed, parsed.dropFirst()).contains(where: { order($1, $0) }) { parsed.sort(by: order) }
        ranges = parsed
        if malformed > 0 {
            warnings.append(EnrichmentWarning(
                "\(malformed) line\(malformed == 1 ? "" : "s") not of the form FROM,TO,CC skipped (the first: line \(firstMalformedLine))",
                in: path))
        }
    }

    private enum Line {
        case range(Range)
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
        return .range(Range(first: first, last: last, country: String(decoding: code, as: UTF8.self).uppercased()))
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
