import Glibc

/// Finds where a record starts in the content of a document element, without parsing it: a `<record` followed by
/// whitespace or `>`, at or after a given offset (`SplitDocumentParser` cuts pieces there).
///
/// It only proposes where to cut, and does not track comments, CDATA sections, processing instructions or
/// attribute values: a `<record` inside one of them cuts a piece that does not parse clean (it ends inside the
/// comment, section, instruction or tag), and from that piece on the main parser reads the document. So a document
/// can make the split end early, never the reading wrong, and the scan costs only the bytes past the offset up to
/// the next record (tracking comments would cost a look at every `<` of the document, for reports that have none
/// between records).
struct RecordBoundaryScanner {
    /// Where the next scan starts in the caller's buffer.
    private(set) var position = 0

    private static let recordTag = Array("<record".utf8)

    /// The first record start tag at or after `minimum` in `bytes`, scanning on from `position`; nil when the
    /// bytes so far hold none (the scan goes on from where it stopped once more bytes are appended).
    mutating func nextRecordStart(in bytes: UnsafeRawBufferPointer, notBefore minimum: Int) -> Int? {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let end = bytes.count, length = Self.recordTag.count
        var index = max(position, minimum)
        while index + length < end {
            guard let found = memchr(start + index, 0x3C, end - index) else {
                index = end
                break
            }
            let tag = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard tag + length < end else {
                index = tag
                break
            }
            let next = start[tag + length]
            if next == 0x3E || next.isXMLWhitespace, memcmp(start + tag, Self.recordTag, length) == 0 {
                position = tag + 1
                return tag
            }
            index = tag + 1
        }
        // A tag may begin in the last bytes and end in the next ones.
        position = max(index, end - length)
        return nil
    }

    /// The first `count` bytes of the caller's buffer were dropped (a piece was cut off).
    mutating func dropFirst(_ count: Int) {
        position = max(0, position - count)
    }

    /// The first record start tag in `bytes` (where to try the first cut).
    static func firstRecordStart(in bytes: UnsafeRawBufferPointer) -> Int? {
        var scanner = RecordBoundaryScanner()
        return scanner.nextRecordStart(in: bytes, notBefore: 0)
    }
}
