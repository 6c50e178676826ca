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
