/// A structured header value such as `Content-Type` or `Content-Disposition` (RFC 2045 §5.1): a value, then
/// `; name=value` parameters, with RFC 2231 continuations and charsets (`filename*0*=utf-8''...`).
///
/// Parsing is lenient, as mail readers are: unquoted values with spaces, a missing closing quote and comments are
/// all accepted.
struct MIMEHeaderValue {
    /// The value before the first `;`, lowercased: `multipart/mixed`, `attachment`.
    let value: String
    /// Parameters by lowercased name, continuations joined and charsets decoded.
    private let parameters: [String: String]

    init(parsing text: String) {
        let segments = Self.segments(of: Array(text.utf8))
        value = Self.string(segments[0]).lowercased()
        var plain: [String: String] = [:]
        var sections: [String: [Int: (text: String, isExtended: Bool)]] = [:]
        for segment in segments.dropFirst() {
            guard let equals = segment.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = Self.string(segment[..<equals]).lowercased()
            let value = Self.unquoted(segment[(equals + 1)...])
            guard !name.isEmpty else { continue }
            if let star = name.firstIndex(of: "*") {
                // name*=…, name*0=…, name*0*=…
                let base = String(name[..<star])
                var rest = name[name.index(after: star)...]
                let isExtended = rest.hasSuffix("*") || rest.isEmpty
                if rest.hasSuffix("*") { rest = rest.dropLast() }
                guard let section = rest.isEmpty ? 0 : Int(rest), section >= 0 else { continue }
                sections[base, default: [:]][section] = (value, isExtended)
            } else if plain[name] == nil {
                plain[name] = value
            }
        }
        for (name, parts) in sections {
            if let joined = Self.joined(parts) { plain[name] = joined }
        }
        parameters = plain
    }

    /// A parameter as written (RFC 2231 decoded), for values that are not text: `boundary`, `charset`.
    subscript(parameter name: String) -> String? {
        parameters[name]
    }

    /// A parameter meant for people (`filename`, `name`): RFC 2047 encoded words decoded too, which many senders put
    /// in parameters although RFC 2047 §5 forbids it.
    func text(_ name: String) -> String? {
        parameters[name].map(HeaderText.decodingEncodedWords)
    }

    /// The text split at each `;` outside quoted strings, comments removed. Bytes, not `Character`s: a message
    /// has many of these headers, and UTF-8 never hides a `;`, `"` or `(` inside a multi-byte character.
    private static func segments(of text: [UInt8]) -> [ArraySlice<UInt8>] {
        var segments: [ArraySlice<UInt8>] = []
        var current: [UInt8] = []
        var inQuotes = false
        var commentDepth = 0
        var escaped = false
        for byte in text {
            if escaped {
                if commentDepth == 0 { current.append(byte) }
                escaped = false
            } else if byte == UInt8(ascii: "\\") && (inQuotes || commentDepth > 0) {
                if inQuotes { current.append(byte) }
                escaped = true
            } else if commentDepth > 0 {
                if byte == UInt8(ascii: "(") { commentDepth += 1 }
                if byte == UInt8(ascii: ")") { commentDepth -= 1 }
            } else if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                current.append(byte)
            } else if byte == UInt8(ascii: "(") && !inQuotes {
                commentDepth = 1
            } else if byte == UInt8(ascii: ";") && !inQuotes {
                segments.append(current[...])
                current = []
            } else {
                current.append(byte)
            }
        }
        segments.append(current[...])
        return segments
    }

    /// Bytes as text, trimmed.
    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        guard let first = bytes.firstIndex(where: { !$0.isXMLWhitespace }) else { return "" }
        let last = bytes.lastIndex(where: { !$0.isXMLWhitespace })!
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// A parameter value: a quoted string without its quotes and escapes, or a token trimmed.
    private static func unquoted(_ raw: ArraySlice<UInt8>) -> String {
        guard let start = raw.firstIndex(where: { !$0.isXMLWhitespace }), raw[start] == UInt8(ascii: "\"") else {
            return string(raw)
        }
        var result: [UInt8] = []
        var escaped = false
        for byte in raw[(start + 1)...] {
            if escaped {
                result.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                break
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// RFC 2231 sections joined in order from 0 (a gap ends them), percent-encoded ones decoded in the charset that
    /// the first section names.
    private static func joined(_ sections: [Int: (text: String, isExtended: Bool)]) -> String? {
        guard let first = sections[0] else { return nil }
        var charset = "utf-8"
        var bytes: [UInt8] = []
        var number = 0
        while let section = sections[number] {
            var text = Substring(section.text)
            if number == 0 && first.isExtended {
                // charset'language'value
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    if !pieces[0].isEmpty { charset = String(pieces[0]) }
                    text = pieces[2]
                }
            }
            bytes += section.isExtended ? percentDecoded(text) : Array(text.utf8)
            number += 1
        }
        return HeaderText.string(from: bytes, charset: charset)
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
               let high = input[index + 1].hexDigitValue, let low = input[index + 2].hexDigitValue {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }
}
