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
