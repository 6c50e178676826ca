/// What one piece of a split document held, parsed on a worker thread: handed on in document order by
/// `SplitDocumentParser`, or, when not clean, read again by the main parser.
struct PieceOutcome: Sendable {
    var records: [Record] = []
    /// Placeholder records skipped, records without a disposition and without an address, for the report's
    /// warnings.
    var placeholders = 0
    var undisposed = UndisposedRecords()
    var unaddressed = UnaddressedSources()
    /// The lines the piece holds (its newlines), so that the main parser numbers what follows as in the document.
    var lineCount = 0
    /// The piece parsed as a whole parse would read it: no problem from libxml2, no failure of the builder, and
    /// nothing but whole records as children of `<feedback>`.
    var isClean = false
}

/// Parses one piece of a split document on its own: the piece (whole records, cut before a `<record` start tag)
/// is read as the content of a `<feedback>` start tag that declares the document element's namespaces, by a
/// parser and a builder of its own (`ReportBuilder.init(pieceOf:limits:content:)`), under the same limits, whole, by
/// libxml2's pull parser (`XMLPushParser.parseWhole`).
struct PieceParser: Sendable {
    /// `<feedback …>` as the document has it in scope (`XMLPushParser.pieceRootStartTag`).
    let rootStartTag: [UInt8]
    let origin: ReportOrigin
    let limits: ReadingLimits
    let content: RecordContent

    private static let rootEndTag = Array("</feedback>".utf8)

    func parse(_ piece: [UInt8]) -> PieceOutcome {
        let builder = ReportBuilder(pieceOf: origin, limits: limits, content: content)
        let parser = XMLPushParser(handler: builder, documentName: origin.description)
        builder.currentLine = { [unowned parser] in parser.line }
        // Read whole by the pull parser (fewer instructions than pushing it): a piece with a NUL byte or with any
        // problem is not clean, and the main parser reads it.
        guard !piece.withUnsafeBytes(WholeDocument.holdsNUL) else { return PieceOutcome() }
        let document = rootStartTag + piece + Self.rootEndTag
        document.withUnsafeBytes { parser.parseWhole($0) }
        var outcome = PieceOutcome()
        outcome.isClean = parser.problemsReported == 0 && parser.declaredEntity == nil && builder.failure == nil
            && !builder.leftRecords && builder.sawFeedbackEnd
        guard outcome.isClean else { return outcome }
        outcome.records = builder.pieceRecords
        outcome.placeholders = builder.placeholderCount
        outcome.undisposed = builder.undisposedRecords
        outcome.unaddressed = builder.unaddressedSources
        // The start and end tags around the piece hold no newline.
        outcome.lineCount = parser.line - 1
        return outcome
    }
}
