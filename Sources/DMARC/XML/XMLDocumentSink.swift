/// The end of the pipeline: one XML document, parsed as it arrives, its records handed on as they complete.
final class XMLDocumentSink: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let builder: ReportBuilder
    private var parser: XMLPushParser!
    /// How many problems libxml2 had reported when `</feedback>` was read.
    private var diagnosticsBeforeEnd = 0

    init(context: ReadingContext, origin: ReportOrigin) {
        self.context = context
        self.origin = origin
        builder = ReportBuilder(stream: context.stream, origin: origin, limits: context.limits,
                                content: context.content)
        parser = XMLPushParser(handler: builder, documentName: origin.description)
        builder.currentLine = { [unowned self] in self.parser.line }
        builder.onFeedbackEnd = { [unowned self] in self.diagnosticsBeforeEnd = self.parser.diagnostics.count }
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        parser.feed(chunk)
        try throwIfFailed()
    }

    func finish() throws(DMARCError) {
        parser.finish()
        try throwIfFailed()
        guard builder.sawFeedbackEnd else {
            throw DMARCError(incompleteReason, at: origin)
        }
        builder.beginIfNeeded()
        try throwIfFailed()
        builder.warnAboutSkippedRecords()
        if let root = parser.rootElementName, root != "feedback" {
            context.stream.warn(DMARCWarning("the report is wrapped in an unexpected <\(root)> element", at: origin))
        }
        // What libxml2 reports only as the input ends is about elements its recovery still had open, not about
        // content after </feedback>.
        let afterEnd = parser.diagnostics.dropFirst(diagnosticsBeforeEnd).filter { !$0.isPrematureEnd }
        if let trailing = afterEnd.first, parser.rootElementName == "feedback" {
            context.stream.warn(DMARCWarning(
                "ignored what follows </feedback> (line \(trailing.line): \(trailing.message))", at: origin))
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
