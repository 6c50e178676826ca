/// What one piece of a split document held, parsed on a worker thread: handed on in document order by
/// `SplitDocumentParser`, or, when not clean, read again by the main parser.
struct PieceOutcome: Sendable {
    var records: [Record] = []
    /// Placeholder records skipped, and records without a disposition, for the report's warnings.
    var placeholders = 0
    var undisposed = UndisposedRecords()
    /// The lines the piece holds (its newlines), so that the main parser numbers what follows as in the document.
    var lineCount = 0
    /// The piece parsed as a whole parse would read it: no problem from libxml2, no failure of the builder, and
    /// nothing but whole records as children of `<feedback>`.
    var isClean = false
}

/// Parses one piece of a split document on its own: the piece (whole records, cut before a `<record` start tag)
/// is read as the content of a `<feedback>` start tag that declares the document element's namespaces, by a
/// parser and a builder of its own (`ReportBuilder.init(pieceOf:limits:content:)`), under the same limits.
struct PieceParser: Sendable {
    /// `<feedback …>` as the document has it in scope (`XMLPushParser.pieceRootStartTag`).
    let rootStartTag: [UInt8]
    let origin: ReportOrigin
    let limits: ReadingLimits
    let content: RecordContent

    private static let rootEndTag = Array("</feedback>".utf8)
    private static let slice = 64 << 10

    func parse(_ piece: [UInt8]) -> PieceOutcome {
        let builder = ReportBuilder(pieceOf: origin, limits: limits, content: content)
        let parser = XMLPushParser(handler: builder, documentName: origin.description)
        builder.currentLine = { [unowned parser] in parser.line }
        rootStartTag.withUnsafeBytes { parser.feed($0) }
        // In slices: libxml2 copies what it is fed into its own buffer, and frees what it has read as it goes.
        piece.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + Self.slice)
                parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
            }
        }
        Self.rootEndTag.withUnsafeBytes { parser.feed($0) }
        parser.finish()
        var outcome = PieceOutcome()
        outcome.isClean = parser.diagnostics.isEmpty && parser.declaredEntity == nil && builder.failure == nil
            && !builder.leftRecords && builder.sawFeedbackEnd
        guard outcome.isClean else { return outcome }
        outcome.records = builder.pieceRecords
        outcome.placeholders = builder.placeholderCount
        outcome.undisposed = builder.undisposedRecords
        // The start and end tags around the piece hold no newline.
        outcome.lineCount = parser.line - 1
        return outcome
    }
}
