import Foundation

/// Human-readable text in mail headers: RFC 2047 encoded words (`=?utf-8?B?...?=`), the charsets they and RFC 2231
/// parameters name, and the clean-up that lets a sender's text stand in a one-line message.
enum HeaderText {
    /// `text` with its encoded words decoded. Whitespace between two adjacent encoded words is dropped (RFC 2047
    /// §6.2); a malformed encoded word is left as it is.
    static func decodingEncodedWords(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let bytes = Array(text.utf8)
        var result = ""
        var literalStart = 0
        var afterEncodedWord = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), let (decoded, end) = encodedWord(in: bytes, at: index) else {
                index += 1
                continue
            }
            let literal = bytes[literalStart..<index]
            if !(afterEncodedWord && literal.allSatisfy(\.isXMLWhitespace)) {
                result += String(decoding: literal, as: UTF8.self)
            }
            result += decoded
            index = end
            literalStart = end
            afterEncodedWord = true
        }
        result += String(decoding: bytes[literalStart...], as: UTF8.self)
        return result
    }

    /// The encoded word `=?charset?B|Q?text?=` starting at `start`: its text, and the index after it.
    private static func encodedWord(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "?") else { return nil }
        let charsetStart = start + 2
        guard let charsetEnd = bytes[charsetStart...].prefix(64).firstIndex(of: UInt8(ascii: "?")),
              charsetEnd > charsetStart, charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == UInt8(ascii: "?")
        else { return nil }
        let textStart = charsetEnd + 3
        // RFC 2047 allows 75 characters; senders write longer ones, but a bound keeps a hostile header linear.
        let searchEnd = min(bytes.count - 1, textStart + 4096)
        var textEnd = textStart
        while textEnd < searchEnd && !(bytes[textEnd] == UInt8(ascii: "?") && bytes[textEnd + 1] == UInt8(ascii: "=")) {
            textEnd += 1
        }
        guard textEnd < searchEnd else { return nil }
        // RFC 2231 §5 lets the charset carry a language: `utf-8*en`.
        let charset = String(decoding: bytes[charsetStart..<charsetEnd], as: UTF8.self)
            .split(separator: "*", omittingEmptySubsequences: false)[0]
        let text = bytes[textStart..<textEnd]
        let decoded: [UInt8]
        switch bytes[charsetEnd + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            // Small and whole: Foundation's decoder fits here. Senders often leave out the padding.
            var base64 = String(decoding: text, as: UTF8.self)
            base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
            guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else { return nil }
            decoded = Array(data)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            decoded = decodeQ(text)
        default:
            return nil
        }
        return (string(from: decoded, charset: String(charset)), textEnd + 2)
    }

    /// The Q encoding of RFC 2047 §4.2: quoted-printable where `_` stands for a space.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        QuotedPrintable.decodeEscapes(text, into: &output, underscoreIsSpace: true)
        return output
    }

    /// `bytes` in the charset a header names. Charsets we do not know are read as UTF-8, invalid bytes replaced.
    static func string(from bytes: [UInt8], charset: String) -> String {
        switch charset.trimmingReportWhitespace().lowercased() {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252) ?? string(from: bytes, charset: "latin1")
        case "iso-8859-2", "latin2":
            return String(data: Data(bytes), encoding: .isoLatin2) ?? String(decoding: bytes, as: UTF8.self)
        case "utf-16":
            return String(data: Data(bytes), encoding: .utf16) ?? String(decoding: bytes, as: UTF8.self)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `text` fit for one line of output: control characters and runs of whitespace become one space, at most
    /// `limit` characters; bidirectional overrides are dropped. A file name or subject comes from a stranger and must
    /// not break a line, the terminal, or the order in which a reader sees the text.
    static func printable(_ text: String, limit: Int = 200) -> String {
        if text.utf8.count <= limit && text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) { return text }
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isBidiControl { continue }
            if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        guard result.count > limit else { return result }
        return String(result.prefix(limit - 1)) + "…"
    }
}
