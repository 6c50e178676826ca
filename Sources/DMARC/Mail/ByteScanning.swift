import Foundation

/// Fast searches in the bytes of a message, which can be hundreds of megabytes: `memchr` and `memmem` rather than
/// element-by-element generic code.
extension ArraySlice<UInt8> {
    /// The index of the first `byte` at or after `start`.
    func firstIndex(of byte: UInt8, from start: Index) -> Index? {
        guard start < endIndex else { return nil }
        return withUnsafeBufferPointer { buffer -> Index? in
            let offset = start - startIndex
            guard let found = memchr(buffer.baseAddress! + offset, Int32(byte), buffer.count - offset) else {
                return nil
            }
            return startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!))
        }
    }

    /// The index where the first occurrence of `pattern` at or after `start` begins. (`memmem` is a GNU extension
    /// that Swift's Glibc module does not offer: `memchr` finds each candidate, `memcmp` checks it.)
    func firstIndex(of pattern: [UInt8], from start: Index) -> Index? {
        guard let first = pattern.first else { return nil }
        var candidate = start
        while let found = firstIndex(of: first, from: candidate) {
            guard found + pattern.count <= endIndex else { return nil }
            let matches = withUnsafeBufferPointer { buffer in
                pattern.withUnsafeBufferPointer { needle in
                    memcmp(buffer.baseAddress! + (found - startIndex), needle.baseAddress!, needle.count) == 0
                }
            }
            if matches { return found }
            candidate = found + 1
        }
        return nil
    }

    /// The line starting at `start`: where its content ends (before `\r\n` or `\n`) and where the next line begins.
    func line(at start: Index) -> (contentEnd: Index, next: Index) {
        guard let newline = firstIndex(of: UInt8(ascii: "\n"), from: start) else { return (endIndex, endIndex) }
        let contentEnd = newline > start && self[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
        return (contentEnd, newline + 1)
    }
}

extension UInt8 {
    /// Space or horizontal tab, the whitespace inside a header line (RFC 5322 WSP).
    var isLineWhitespace: Bool { self == 0x20 || self == 0x09 }

    /// The value of an ASCII hexadecimal digit, either case.
    var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
