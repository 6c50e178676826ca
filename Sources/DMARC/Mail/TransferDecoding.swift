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

/// Base64 (RFC 2045 §6.8) decoded as a stream.
///
/// Hand-written rather than Foundation's `Data(base64Encoded:options:)`, which needs the whole text at once (a second
/// copy of an attachment of up to hundreds of megabytes) and gives nil for all of it when the text is cut short (a
/// truncated message) or holds characters it does not expect; it also stops at the first padding, dropping
/// whatever a sender appended. Mail readers decode what is there; the next stage then says what is wrong
/// ("gzip data ends early"), which tells a user more than "invalid base64".
struct Base64Decoder {
    private var bits: UInt32 = 0
    private var count = 0

    /// The value of each byte of the base64 alphabet; 0xFF for any other byte, which is skipped (line breaks).
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    mutating func decode(_ input: ArraySlice<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + input.count / 4 * 3 + 3)
        Self.values.withUnsafeBufferPointer { values in
            input.withUnsafeBufferPointer { bytes in
                for byte in bytes {
                    let value = values[Int(byte)]
                    if value < 64 {
                        bits = bits << 6 | UInt32(value)
                        count += 1
                        if count == 4 {
                            output.append(UInt8(truncatingIfNeeded: bits >> 16))
                            output.append(UInt8(truncatingIfNeeded: bits >> 8))
                            output.append(UInt8(truncatingIfNeeded: bits))
                            bits = 0
                            count = 0
                        }
                    } else if byte == UInt8(ascii: "=") {
                        flush(into: &output)  // padding: a quantum ends early; another encoding may follow
                    }
                }
            }
        }
    }

    /// Emits what is left of an incomplete quantum at the end of the text.
    mutating func finish(into output: inout [UInt8]) {
        flush(into: &output)
    }

    private mutating func flush(into output: inout [UInt8]) {
        switch count {
        case 2:
            output.append(UInt8(truncatingIfNeeded: bits >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: bits >> 10))
            output.append(UInt8(truncatingIfNeeded: bits >> 2))
        default:
            break  // nothing, or a lone character that encodes no whole byte
        }
        bits = 0
        count = 0
    }
}

/// Quoted-printable (RFC 2045 §6.7), decoded line by line.
enum QuotedPrintable {
    /// Decodes whole lines (the last may lack its line break). An `=` that starts no valid escape is kept as it is,
    /// as RFC 2045 advises.
    static func decode(_ input: ArraySlice<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + input.count)
        var start = input.startIndex
        while start < input.endIndex {
            let (contentEnd, next) = input.line(at: start)
            var end = contentEnd
            // Whitespace at the end of a line was added in transport (RFC 2045 §6.7, rule 3).
            while end > start && input[end - 1].isLineWhitespace { end -= 1 }
            let isSoftBreak = end > start && input[end - 1] == UInt8(ascii: "=")
            if isSoftBreak { end -= 1 }
            decodeEscapes(input[start..<end], into: &output)
            if !isSoftBreak { output.append(contentsOf: input[contentEnd..<next]) }
            start = next
        }
    }

    /// `=XX` escapes decoded; with `underscoreIsSpace` (RFC 2047's Q encoding), `_` stands for a space.
    static func decodeEscapes(_ line: ArraySlice<UInt8>, into output: inout [UInt8], underscoreIsSpace: Bool = false) {
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "="), index + 2 < line.endIndex,
               let high = line[index + 1].hexDigitValue, let low = line[index + 2].hexDigitValue {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
                index += 1
            }
        }
    }
}
