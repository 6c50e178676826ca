import Glibc

/// Finds where records start in the content of a document element, without parsing it: a `<record` followed by
/// whitespace or `>`, outside comments, CDATA sections and processing instructions.
///
/// It only proposes where to cut (`SplitDocumentParser`): a piece cut at a wrong place (inside an attribute, after
/// a `<` that is no markup) does not parse clean, and from that piece on the main parser reads the document. So a
/// hostile document can make the scanner useless, never the reading wrong. It starts where libxml2 was seen to
/// stand in content, and scans bytes that arrive in chunks: `position` is where it goes on, in the caller's buffer.
struct RecordBoundaryScanner {
    private enum Lexical { case content, comment, cdata, instruction }
    private var lexical = Lexical.content
    /// Where the next scan starts in the caller's buffer.
    private(set) var position = 0

    private static let lessThan: UInt8 = 0x3C, greaterThan: UInt8 = 0x3E
    private static let recordTag = Array("<record".utf8)
    private static let commentOpening = Array("<!--".utf8)
    private static let cdataOpening = Array("<![CDATA[".utf8)

    /// The first record start tag at or after `minimum` in `bytes`, scanning on from `position`; nil when the
    /// bytes so far hold none (the scan goes on from where it stopped once more bytes are appended).
    mutating func nextRecordStart(in bytes: UnsafeRawBufferPointer, notBefore minimum: Int) -> Int? {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let end = bytes.count
        var index = position
        while index < end {
            switch lexical {
            case .content:
                guard let found = memchr(start + index, Int32(Self.lessThan), end - index) else {
                    index = end
                    continue
                }
                let tag = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                switch Self.classify(start + tag, available: end - tag) {
                case .needMore:
                    position = tag
                    return nil
                case .comment:
                    lexical = .comment
                    index = tag + Self.commentOpening.count
                case .cdata:
                    lexical = .cdata
                    index = tag + Self.cdataOpening.count
                case .instruction:
                    lexical = .instruction
                    index = tag + 2
                case .recordStart where tag >= minimum:
                    position = tag + 1
                    return tag
                case .recordStart, .other:
                    index = tag + 1
                }
            case .comment:
                index = Self.end(of: "-->", in: start, from: index, to: end) { lexical = .content }
            case .cdata:
                index = Self.end(of: "]]>", in: start, from: index, to: end) { lexical = .content }
            case .instruction:
                index = Self.end(of: "?>", in: start, from: index, to: end) { lexical = .content }
            }
            if index < 0 {
                // The terminator was not found: go on from where it could still begin.
                position = -index - 1
                return nil
            }
        }
        position = end
        return nil
    }

    /// The first `count` bytes of the caller's buffer were dropped (a piece was cut off).
    mutating func dropFirst(_ count: Int) {
        position -= count
    }

    /// The first record start tag in `bytes`, assuming they begin in content (where to try the first cut).
    static func firstRecordStart(in bytes: UnsafeRawBufferPointer) -> Int? {
        var scanner = RecordBoundaryScanner()
        return scanner.nextRecordStart(in: bytes, notBefore: 0)
    }

    private enum Markup { case needMore, comment, cdata, instruction, recordStart, other }

    /// What the `<` at `tag` opens, given `available` bytes from it.
    private static func classify(_ tag: UnsafePointer<UInt8>, available: Int) -> Markup {
        func opens(_ opening: [UInt8]) -> Bool? {
            let compared = min(available, opening.count)
            for offset in 1..<compared where tag[offset] != opening[offset] { return false }
            return compared == opening.count ? true : nil
        }
        guard available > 1 else { return .needMore }
        switch tag[1] {
        case 0x21:  // "!"
            let comment = opens(commentOpening), cdata = opens(cdataOpening)
            if comment == true { return .comment }
            if cdata == true { return .cdata }
            return comment == nil || cdata == nil ? .needMore : .other
        case 0x3F:  // "?"
            return .instruction
        case 0x72:  // "r"
            guard let named = opens(recordTag) else { return .needMore }
            guard named else { return .other }
            guard available > recordTag.count else { return .needMore }
            let next = tag[recordTag.count]
            return next == greaterThan || next.isXMLWhitespace ? .recordStart : .other
        default:
            return .other
        }
    }

    /// Where the markup ends whose terminator is `terminator` (ending in `>`), searched from `index`: the index
    /// after it, once `ended` is called; or, when the bytes hold no terminator, `-(resume + 1)`, where `resume` is
    /// the first index a terminator could still begin at.
    private static func end(of terminator: StaticString, in start: UnsafePointer<UInt8>, from index: Int, to end: Int,
                            ended: () -> Void) -> Int {
        let length = terminator.utf8CodeUnitCount
        let tail = terminator.utf8Start
        var search = index + length - 1
        while search < end {
            guard let found = memchr(start + search, Int32(greaterThan), end - search) else { break }
            let close = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let begin = close - (length - 1)
            if begin >= index && (0..<(length - 1)).allSatisfy({ start[begin + $0] == tail[$0] }) {
                ended()
                return close + 1
            }
            search = close + 1
        }
        return -(max(index, end - (length - 1)) + 1)
    }
}
