import Glibc

/// A document that arrived whole within `maxBytes` (`XMLDocumentSink` holds the bytes of a document until it grows
/// past that), read at its end by libxml2's pull parser (`XMLPushParser.parseWhole`), which reads the same events
/// in fewer instructions than the push parser.
///
/// What it read is taken only if it read clean: no NUL byte in it, no problem from libxml2 (not even a warning), no
/// document type declaration, no failure of the builder, `<feedback>` read to its end as the document element. Then
/// a push parse would have read the same events, the report is the same, and its records, warnings and end go on in
/// the order a push parse gives them. Otherwise nothing goes on and the sink feeds the document to its push parser,
/// at once, which reads it as it always did, with its errors and their lines: a broken document costs two parses,
/// a clean one less than one.
struct WholeDocument {
    /// Most reports are far smaller (the varied benchmark folder's: median 16 KiB, 90% under 80 KiB); held twice
    /// while read (libxml2 copies it), per reading thread.
    static let maxBytes = 1 << 20

    let origin: ReportOrigin
    let limits: ReadingLimits
    let content: RecordContent

    /// Whether `bytes` hold a NUL byte: the pull parser takes one for the end of its input and stops there without
    /// a word (after `</feedback>`, say), where the push parser reports what follows. Such input is not read whole.
    static func holdsNUL(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        return memchr(start, 0, bytes.count) != nil
    }

    /// Reads `document` and, if it read clean, gives its report to `stream` (begun, its records, its warnings,
    /// ended) and returns true; returns false, giving nothing, when it did not.
    func read(_ document: UnsafeRawBufferPointer, into stream: ReportStream) -> Bool {
        guard !Self.holdsNUL(document) else { return false }
        let recorded = RecordedReport()
        let builder = ReportBuilder(stream: ReportStream(handler: recorded), origin: origin, limits: limits,
                                    content: content)
        let parser = XMLPushParser(handler: builder, documentName: origin.description)
        builder.currentLine = { [unowned parser] in parser.line }
        parser.parseWhole(document)
        guard parser.problemsReported == 0, parser.declaredEntity == nil, !parser.hasDocumentType,
              parser.rootElementName == "feedback", builder.sawFeedbackEnd, builder.failure == nil else { return false }
        // As `XMLDocumentSink.finish` ends a report its push parser read.
        builder.beginIfNeeded()
        guard builder.failure == nil, let header = recorded.header else { return false }
        builder.warnAboutQuirks()
        stream.begin(header, origin: origin)
        for record in recorded.records { stream.record(record) }
        for warning in recorded.warnings { stream.warn(warning) }
        stream.end(builder.header)
        return true
    }
}

/// What a builder gave while a whole document was read on trial: held until it is known to have read clean.
/// Warnings are given after the records, as the builder gives them (`warnAboutQuirks`, at the end).
private final class RecordedReport: ReportHandler {
    var header: ReportHeader?
    var records: [Record] = []
    var warnings: [DMARCWarning] = []

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) { self.header = header }
    func record(_ record: Record) { records.append(record) }
    func endReport(_ header: ReportHeader) {}
    func fail(_ error: DMARCError) {}
    func warn(_ warning: DMARCWarning) { warnings.append(warning) }
}
