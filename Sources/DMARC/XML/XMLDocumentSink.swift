/// The end of the pipeline: one XML document, its records handed on. A small document is held until it ends and
/// read whole (`WholeDocument`); a larger one, or one that does not read clean whole, is parsed as it arrives by
/// the push parser, its records handed on as they complete.
final class XMLDocumentSink: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let builder: ReportBuilder
    private var parser: XMLPushParser!
    /// How many problems libxml2 had reported when `</feedback>` was read.
    private var diagnosticsBeforeEnd = 0
    /// While a large document may still be split (`DocumentSplitting`): nil once it cannot.
    private var splitting: DocumentSplitting?
    /// Bytes fed to the main parser while splitting was not tried yet.
    private var bytesRead = 0
    /// Bytes not fed yet while the first cut is looked for (the start of a start tag, perhaps).
    private var heldBack: [UInt8] = []
    /// The split, from its first cut on, until a piece does not parse clean.
    private var split: SplitDocumentParser?
    /// The document so far, while it may still arrive whole (within `maxWholeBytes`): nil once it did not, or once
    /// its whole read was not clean and the push parser reads it.
    private var whole: [UInt8]?
    private let maxWholeBytes: Int
    /// The document was read whole (`WholeDocument`), not by the push parser.
    private(set) var wasReadWhole = false
    /// Pieces parsed elsewhere and handed on (the split ran).
    private(set) var piecesHandedOn = 0

    /// `wholeDocumentBytes`: the most held for a whole read (0: none, every document is pushed as it arrives). None
    /// is held where a large document may be split (`context.splitting`: the tool splits when it reads few files):
    /// holding the first megabyte cost the giant report about 1 MiB more at its peak, for nothing.
    init(context: ReadingContext, origin: ReportOrigin, wholeDocumentBytes: Int = WholeDocument.maxBytes) {
        self.context = context
        self.origin = origin
        maxWholeBytes = context.splitting == nil ? wholeDocumentBytes : 0
        if maxWholeBytes > 0 {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(maxWholeBytes, 64 << 10))
            whole = bytes
        }
        builder = ReportBuilder(stream: context.stream, origin: origin, limits: context.limits,
                                content: context.content)
        parser = XMLPushParser(handler: builder, documentName: origin.description)
        builder.currentLine = { [unowned self] in self.parser.line }
        builder.onFeedbackEnd = { [unowned self] in self.diagnosticsBeforeEnd = self.parser.diagnostics.count }
        splitting = context.splitting
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        if whole != nil {
            guard whole!.count + chunk.count > maxWholeBytes else {
                return whole!.append(contentsOf: chunk)
            }
            try feedWhole()
        }
        try feed(chunk)
    }

    /// The bytes held for a whole read go to the push parser, as if they were arriving now.
    private func feedWhole() throws(DMARCError) {
        guard let held = whole else { return }
        whole = nil
        // `withUnsafeBytes` rethrows untyped errors; the result carries the typed one out.
        try held.withUnsafeBytes { bytes in Result { () throws(DMARCError) in try feed(bytes) } }.get()
    }

    private func feed(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        guard split != nil || splitting != nil else {
            parser.feed(chunk)
            return try throwIfFailed()
        }
        // In slices, so that a large chunk (a zip member, held whole) is split too.
        var offset = 0
        while offset < chunk.count {
            let slice = UnsafeRawBufferPointer(rebasing: chunk[offset..<min(chunk.count, offset + Self.slice)])
            offset += slice.count
            if let split {
                split.write(slice)
                if !split.isSplitting { endSplit(split) }
            } else if let splitting {
                feedTryingToSplit(slice, splitting)
            } else {
                parser.feed(slice)
            }
            try throwIfFailed()
        }
    }

    /// A piece did not parse clean, and the main parser read it and what was cut after it. Unless that showed a
    /// problem (then `admitsSplitting` is false), splitting is tried again past another threshold's bytes: the
    /// piece may only have been cut at a `<record` inside a comment.
    private func endSplit(_ split: SplitDocumentParser) {
        piecesHandedOn += split.piecesHandedOn
        self.split = nil
        splitting = context.splitting
        bytesRead = 0
    }

    private static let slice = 256 << 10

    /// Feeds the main parser and, past the threshold, tries to cut before the first record start tag of `slice`:
    /// the split begins there if libxml2 and the builder both stand between two records of the document element.
    private func feedTryingToSplit(_ slice: UnsafeRawBufferPointer, _ splitting: DocumentSplitting) {
        guard bytesRead >= splitting.threshold else {
            bytesRead += slice.count
            return parser.feed(slice)
        }
        // The last bytes of the slice before are held back, so that a start tag across two slices is found.
        heldBack.append(contentsOf: slice)
        let bytes = heldBack
        heldBack = []
        bytes.withUnsafeBytes { bytes in
            guard let cut = RecordBoundaryScanner.firstRecordStart(in: bytes) else {
                let kept = min(bytes.count, Self.longestStartTag)
                heldBack.append(contentsOf: bytes[(bytes.count - kept)...])
                return parser.feed(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - kept)]))
            }
            parser.feed(UnsafeRawBufferPointer(rebasing: bytes[..<cut]))
            let rest = UnsafeRawBufferPointer(rebasing: bytes[cut...])
            guard parser.admitsSplitting, builder.failure == nil, !builder.sawFeedbackEnd else {
                self.splitting = nil
                return parser.feed(rest)
            }
            guard builder.isBetweenRecords, parser.isBetweenTopLevelElements else {
                return parser.feed(rest)
            }
            self.splitting = nil
            let pieceParser = PieceParser(rootStartTag: parser.pieceRootStartTag, origin: origin,
                                          limits: context.limits, content: context.content)
            let split = SplitDocumentParser(parser: parser, builder: builder, splitting: splitting,
                                            pieceParser: pieceParser)
            self.split = split
            split.write(rest)
        }
    }

    /// `<record` and the byte after it.
    private static let longestStartTag = 8

    func finish() throws(DMARCError) {
        if let document = whole {
            let reader = WholeDocument(origin: origin, limits: context.limits, content: context.content)
            wasReadWhole = document.withUnsafeBytes { reader.read($0, into: context.stream) }
            if wasReadWhole { return }
            try feedWhole()
        }
        heldBack.withUnsafeBytes { parser.feed($0) }
        if let split {
            split.finish()
            endSplit(split)
        }
        try throwIfFailed()
        parser.finish()
        try throwIfFailed()
        guard builder.sawFeedbackEnd else {
            throw DMARCError(incompleteReason, at: origin)
        }
        builder.beginIfNeeded()
        try throwIfFailed()
        builder.warnAboutQuirks()
        if let root = parser.rootElementName, root != "feedback" {
            context.stream.warn(DMARCWarning("the report is wrapped in an unexpected <\(root)> element", at: origin))
        }
        // What libxml2 reports only as the input ends is about elements its recovery still had open, not about
        // content after </feedback>.
        let afterEnd = parser.diagnostics.dropFirst(diagnosticsBeforeEnd).filter { !$0.isPrematureEnd }
        if let trailing = afterEnd.first, parser.rootElementName == "feedback" {
            // A second document (`cat a.xml b.xml`, a gzip of two members) is a report dropped: said so.
            let what = trailing.message.hasPrefix("XML declaration allowed only at the start")
                ? "a second XML document after </feedback>: only the first report of a file is read"
                : "what follows </feedback>"
            context.stream.warn(DMARCWarning(
                "ignored \(what) (line \(trailing.line): \(trailing.message))", at: origin))
        }
        if let recovered = parser.diagnostics.prefix(diagnosticsBeforeEnd).first {
            context.stream.warn(DMARCWarning(
                "malformed XML read in recovery mode (line \(recovered.line): \(recovered.message))", at: origin))
        }
        context.stream.end(builder.header)
    }

    private func throwIfFailed() throws(DMARCError) {
        if let entity = parser.declaredEntity {
            throw DMARCError(.entityDeclaration(name: entity.name, line: entity.line), at: origin)
        }
        if let failure = builder.failure {
            // libxml2's recovery from a broken tag (`<report_id>1/report_id>`) can swallow the elements after it:
            // the report then lacks a part because the XML is broken, and the error names the break first.
            if case .invalidReport(let defect) = failure, defect.isMissingPart,
               let recovered = parser.diagnostics.first {
                throw DMARCError(.malformedXML(line: recovered.line, message: recovered.message
                                                + " (read in recovery mode: \(defect))"), at: origin)
            }
            throw DMARCError(failure, at: origin)
        }
    }

    /// Why a document that never reached `</feedback>` is no report we can count.
    private var incompleteReason: DMARCError.Reason {
        let halting = parser.diagnostics.last
        if !builder.sawFeedbackStart {
            if let root = parser.rootElementName { return .notAReport(root: root) }
            if let first = parser.diagnostics.first { return .malformedXML(line: first.line, message: first.message) }
            return .notAReport(root: "")
        }
        if let halting, !halting.isPrematureEnd {
            return .malformedXML(line: halting.line, message: halting.message)
        }
        return .truncatedReport(line: parser.line)
    }
}
