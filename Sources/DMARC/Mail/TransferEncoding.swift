/// A part's `Content-Transfer-Encoding` (RFC 2045 §6) and its decoding, window by window, so that an attachment
/// goes on to the next stage without a second whole copy of it in memory.
enum TransferEncoding: Equatable {
    case base64, quotedPrintable
    /// `7bit`, `8bit`, `binary`, and any encoding we do not know: the bytes as they are.
    case identity

    init(headerValue: String?) {
        switch headerValue?.trimmingReportWhitespace().lowercased() {
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .identity
        }
    }

    /// How many encoded bytes are decoded at a time.
    static let window = 64 << 10

    /// Decodes `encoded`, handing the decoded bytes to `emit` a window at a time.
    func decode(_ encoded: ArraySlice<UInt8>,
                emit: (ArraySlice<UInt8>) throws(DMARCError) -> Void) throws(DMARCError) {
        var base64 = Base64Decoder()
        var decoded: [UInt8] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            var end = min(start + Self.window, encoded.endIndex)
            switch self {
            case .identity:
                try emit(encoded[start..<end])
            case .base64:
                decoded.removeAll(keepingCapacity: true)
                base64.decode(encoded[start..<end], into: &decoded)
                try emit(decoded[...])
            case .quotedPrintable:
                // Quoted-printable is decoded line by line, so a window ends at a line end.
                end = end == encoded.endIndex ? end : encoded.line(at: end).next
                decoded.removeAll(keepingCapacity: true)
                QuotedPrintable.decode(encoded[start..<end], into: &decoded)
                try emit(decoded[...])
            }
            start = end
        }
        if self == .base64 {
            decoded.removeAll(keepingCapacity: true)
            base64.finish(into: &decoded)
            if !decoded.isEmpty { try emit(decoded[...]) }
        }
    }

    /// The whole decoded content, for parts that are small or must be parsed whole (an attached message).
    func decoded(_ encoded: ArraySlice<UInt8>) -> [UInt8] {
        if self == .identity { return Array(encoded) }
        var result: [UInt8] = []
        try? decode(encoded) { (window: ArraySlice<UInt8>) throws(DMARCError) in result.append(contentsOf: window) }
        return result
    }
}
