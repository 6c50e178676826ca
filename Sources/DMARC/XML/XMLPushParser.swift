internal import CDMARCXML2
import Glibc

/// A problem libxml2 reported, with its 1-based line.
struct XMLDiagnostic: Sendable, Hashable {
    var line: Int
    var message: String
    /// libxml2 stopped at it and read no further.
    var isPrematureEnd: Bool
}

/// libxml2's SAX2 push parser: bytes go in chunk by chunk, events come out to the handler. A document held whole
/// may be read at once by libxml2's pull parser instead (`parseWhole`), with the same handlers.
///
/// This is the only place that touches libxml2. Recovery mode is on (reporters send broken XML), the network,
/// DTD loading and entity substitution are off, and any entity declaration stops the parse.
final class XMLPushParser {
    // The builder and this parser are owned together by what reads a document (XMLDocumentSink, WholeDocument,
    // PieceParser), which alone calls `feed`/`finish`/`parseWhole`, the only calls during which SAX callbacks run:
    // the builder is alive then. An unmanaged reference spares a reference count per SAX event.
    private let handlerReference: Unmanaged<ReportBuilder>
    /// Made by the first chunk (`pushContext`) or by `parseWhole`.
    private var context: xmlParserCtxtPtr?
    private let names = ElementNameTable()
    /// Problems libxml2 reported, in order (at most a few are kept).
    private(set) var diagnostics: [XMLDiagnostic] = []
    /// Every problem libxml2 reported, warnings too (which `diagnostics` leaves out).
    private(set) var problemsReported = 0
    /// The first entity declaration met; reading it stops the parse.
    private(set) var declaredEntity: (name: String, line: Int)?
    /// The name of the document element, for "this is not a report" messages.
    private(set) var rootElementName: String?
    /// The end tag the document really has, when libxml2 closes another element for it (a recovered mismatch).
    @exclusivity(unchecked) private var mismatchedEndTag: ElementName?
    /// Errors met while finishing are about what the document lacks at its end.
    private var isFinishing = false

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    init(handler: ReportBuilder, documentName: String) {
        _ = Self.initialised
        self.handlerReference = .passUnretained(handler)
        self.documentName = documentName
    }

    deinit {
        guard let context else { return }
        // libxml2 makes a document of its own to hold a DTD's declarations (an entity stops the parse, but it was
        // declared); freeing the context does not free it.
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }

    /// For the context's file name (libxml2's own error texts).
    private let documentName: String

    /// The SAX handlers, the same for the push and the pull parser.
    private static func handlers() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { userData, localName, _, uri, _, _, _, _, _ in
            XMLPushParser.with(userData) { $0.didStart(localName!, uri) }
        }
        sax.endElementNs = { userData, localName, _, _ in
            XMLPushParser.with(userData) { $0.didEnd(localName!) }
        }
        sax.characters = { userData, text, length in
            XMLPushParser.with(userData) { $0.didRead(text, length) }
        }
        sax.cdataBlock = sax.characters
        sax.ignorableWhitespace = sax.characters
        sax.entityDecl = { userData, name, _, _, _, _ in
            XMLPushParser.from(userData).didDeclareEntity(name)
        }
        sax.serror = { userData, error in
            guard let userData, let error else { return }
            XMLPushParser.from(userData).didReport(error.pointee)
        }
        return sax
    }

    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
                                       | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// The push parser's context, made when the first chunk comes.
    private var pushContext: xmlParserCtxtPtr {
        if let context { return context }
        var sax = Self.handlers()
        let userData = Unmanaged.passUnretained(self).toOpaque()
        let made = documentName.withCString { xmlCreatePushParserCtxt(&sax, userData, nil, 0, $0) }!
        xmlCtxtUseOptions(made, Self.options)
        context = made
        return made
    }

    /// Reads `document`, complete, with libxml2's pull parser instead of feeding the push parser: it reads the same
    /// events from a document that parses clean in fewer instructions (on the varied benchmark folder, 2.21 G
    /// instead of 2.53 G in libxml2; its push state machine asks the input buffer how much is left at every step).
    /// Its problems are reported as they are met, none as `isFinishing`: a caller that wants the push parser's
    /// errors reads the document again with one (`WholeDocument`). Only on a parser not fed.
    func parseWhole(_ document: UnsafeRawBufferPointer) {
        precondition(context == nil, "a document parsed whole after chunks")
        // libxml2 copies the document (into a buffer that ends in the NUL byte its parser reads up to). A static
        // buffer (`xmlParserInputBufferCreateStatic`), read where it lies, crashed libxml2 2.9.14 in
        // xmlParseStartTag2 on the benchmark folder (not looked into further), so the copy stays.
        guard let start = document.baseAddress?.assumingMemoryBound(to: CChar.self),
              let made = xmlCreateMemoryParserCtxt(start, Int32(document.count)) else { return }
        context = made
        // The copy is the whole input: with no read callback, libxml2 does not try to grow it (the callback it sets,
        // which reads nothing, cost about 20,000 instructions per small document, a fifth of a 1.5 KB report's parse).
        // Not when the input is converted from another encoding as it is read: that needs the callback.
        if !Self.declaresOtherEncoding(document) {
            made.pointee.input.pointee.buf.pointee.readcallback = nil
        }
        // The context comes with libxml2's tree-building handlers; ours replace them, as the push parser's take them.
        made.pointee.sax.pointee = Self.handlers()
        made.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        xmlCtxtUseOptions(made, Self.options)
        withErrorsReported { xmlParseDocument(made) }
    }

    /// Whether the XML declaration at the start of `document` names an encoding other than UTF-8 (or one cannot
    /// tell from its first 256 bytes).
    static func declaresOtherEncoding(_ document: UnsafeRawBufferPointer) -> Bool {
        // Byte by byte: this runs once per document, tiny ones too, where generic slices cost thousands of
        // instructions.
        let count = min(document.count, 256)
        guard let base = document.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        let start = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        guard count - start >= 5, memcmp(base + start, "<?xml", 5) == 0 else { return false }
        var end = start + 5
        while end + 1 < count, base[end] != 0x3F || base[end + 1] != 0x3E { end += 1 }  // `?>`
        guard end + 1 < count else { return true }
        var at = start + 5
        while at + 8 <= end, memcmp(base + at, "encoding", 8) != 0 { at += 1 }
        guard at + 8 <= end else { return false }
        // Space, tab, CR, LF, `=` and quotes around the name.
        let isSeparator = { (byte: UInt8) in
            byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x3D || byte == 0x22 || byte == 0x27
        }
        at += 8
        while at < end, isSeparator(base[at]) { at += 1 }
        var nameEnd = at
        while nameEnd < end, !isSeparator(base[nameEnd]) { nameEnd += 1 }
        let name = UnsafeBufferPointer(start: base + at, count: nameEnd - at)
            .lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return !name.elementsEqual("utf-8".utf8) && !name.elementsEqual("utf8".utf8)
    }

    /// Parses the next chunk of the document.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty, !isStopped else { return }
        var offset = 0
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 << 20)
            let start = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
            parseChunk(start, Int32(length), terminate: false)
            offset += length
        }
    }

    /// Tells libxml2 the document is complete, so it reports what is left open.
    func finish() {
        guard !isStopped else { return }
        isFinishing = true
        parseChunk(nil, 0, terminate: true)
    }

    /// libxml2 reports some problems without the parser (an encoding it cannot convert, an I/O error) to
    /// per-thread handlers that print to stderr; while this parser reads a chunk, they are its diagnostics.
    private func parseChunk(_ start: UnsafePointer<CChar>?, _ length: Int32, terminate: Bool) {
        let context = pushContext
        withErrorsReported { xmlParseChunk(context, start, length, terminate ? 1 : 0) }
    }

    private func withErrorsReported(_ parse: () -> Void) {
        cdmarc_silence_generic_errors()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque()) { userData, error in
            guard let userData, let error else { return }
            XMLPushParser.from(userData).didReport(error.pointee)
        }
        parse()
        xmlSetStructuredErrorFunc(nil, nil)
    }

    /// The line libxml2 is reading, 1-based.
    var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 1 }

    private var isStopped: Bool { context?.pointee.instate == XML_PARSER_EOF }

    // MARK: Splitting a document (SplitDocumentParser)

    /// Whether libxml2 stands in the content of the document element, between two of its children, holding back
    /// nothing but whitespace: the next byte fed is read in content, one level deep.
    var isBetweenTopLevelElements: Bool {
        let context = pushContext
        guard context.pointee.instate == XML_PARSER_CONTENT, context.pointee.nameNr == 1,
              let input = context.pointee.input, var cursor = input.pointee.cur, let end = input.pointee.end
        else { return false }
        while cursor < end {
            guard cursor.pointee.isXMLWhitespace else { return false }
            cursor += 1
        }
        return true
    }

    /// Whether what follows may be parsed by other parsers (`PieceParser`) as this one would: no problem met so
    /// far, no document type declaration (whose entities and defaults a piece would not know), XML 1.0, and
    /// bytes read as UTF-8 without conversion.
    var admitsSplitting: Bool {
        let context = pushContext
        guard diagnostics.isEmpty, declaredEntity == nil, !hasDocumentType, let input = context.pointee.input
        else { return false }
        if let version = context.pointee.version, String(cString: version) != "1.0" { return false }
        if let buffer = input.pointee.buf, buffer.pointee.encoder != nil { return false }
        return true
    }

    /// The start tag a piece's parser reads first: `<feedback>` with every namespace declaration in scope (the
    /// document element's), so that names in the piece resolve as they do here.
    var pieceRootStartTag: [UInt8] {
        let context = pushContext
        var tag = Array("<feedback".utf8)
        let pairs = Int(context.pointee.nsNr) / 2
        if let table = context.pointee.nsTab {
            for pair in 0..<pairs {
                tag += Array(" xmlns".utf8)
                if let prefix = table[2 * pair] { tag += [0x3A] + Array(String(cString: prefix).utf8) }
                tag += Array("=\"".utf8)
                // libxml2 keeps an `&` of an attribute value as `&#38;` (it does not substitute entities), so the
                // value is written back as it is, but for what a value cannot hold as a character.
                for byte in table[2 * pair + 1].map({ Array(String(cString: $0).utf8) }) ?? [] {
                    switch byte {
                    case 0x22, 0x3C, 0x09, 0x0A, 0x0D: tag += Array("&#\(byte);".utf8)
                    default: tag.append(byte)
                    }
                }
                tag.append(0x22)
            }
        }
        return tag + [0x3E]
    }

    /// Whether the document has a document type declaration (an internal subset or an external one).
    var hasDocumentType: Bool {
        guard let context else { return false }
        return context.pointee.intSubName != nil || context.pointee.hasExternalSubset != 0
    }

    /// Counts `count` lines read elsewhere (pieces parsed by other parsers), so that lines read after them are
    /// numbered as in the whole document. Only between chunks, when libxml2 is not reading.
    func skipLines(_ count: Int) {
        guard count > 0, let input = context?.pointee.input else { return }
        input.pointee.line = Int32(clamping: Int(input.pointee.line) + count)
    }

    private func stop() {
        if let context { xmlStopParser(context) }
    }

    private static func from(_ userData: UnsafeMutableRawPointer?) -> XMLPushParser {
        Unmanaged<XMLPushParser>.fromOpaque(userData!).takeUnretainedValue()
    }

    /// Calls `body` with the parser behind `userData` without retaining it: the hot SAX callbacks run while the
    /// parser is guaranteed alive (inside its own `xmlParseChunk` call).
    private static func with(_ userData: UnsafeMutableRawPointer?, _ body: (XMLPushParser) -> Void) {
        Unmanaged<XMLPushParser>.fromOpaque(userData!)._withUnsafeGuaranteedRef(body)
    }

    private func elementName(_ localName: UnsafePointer<xmlChar>) -> ElementName {
        names.name(for: localName) { ElementName(localName: localName) }
    }

    private func withHandler<T>(_ body: (ReportBuilder) -> T) -> T {
        handlerReference._withUnsafeGuaranteedRef(body)
    }

    private func didStart(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) {
        if rootElementName == nil { rootElementName = String(cString: localName) }
        let name = elementName(localName)
        let stops = withHandler { handler in
            handler.startElement(name, namespaceURI: name == .feedback ? uri.map { String(cString: $0) } : nil)
            return handler.shouldStop
        }
        if stops { stop() }
    }

    /// In recovery, libxml2 closes its innermost open element for any end tag. The handler is told the end tag
    /// the document has, so that it can keep its own structure in step with the text.
    private func didEnd(_ localName: UnsafePointer<xmlChar>) {
        let written = mismatchedEndTag
        mismatchedEndTag = nil
        let name = written ?? elementName(localName)
        if withHandler({ $0.endElement(name); return $0.shouldStop }) { stop() }
    }

    private func didRead(_ text: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard let text, length > 0, withHandler({ $0.isCapturingText }) else { return }
        let bytes = UnsafeBufferPointer(start: text, count: Int(length))
        if withHandler({ $0.characters(bytes); return $0.shouldStop }) { stop() }
    }

    private func didDeclareEntity(_ name: UnsafePointer<xmlChar>?) {
        if declaredEntity == nil {
            declaredEntity = (name.map { String(cString: $0) } ?? "", line)
        }
        stop()
    }

    private func didReport(_ error: xmlError) {
        problemsReported += 1
        if error.code == XML_ERR_TAG_NAME_MISMATCH.rawValue, let written = error.str2 {
            let qualifiedName = String(cString: written)
            mismatchedEndTag = ElementName(localName: String(qualifiedName.split(separator: ":").last ?? ""))
        }
        guard error.level != XML_ERR_WARNING, diagnostics.count < 20 else { return }
        let message = (error.message.map { String(cString: $0) } ?? "error \(error.code)")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        // An encoding libxml2 cannot convert is found as late as the input is converted, at the end too.
        let isEncoding = error.domain == Int32(XML_FROM_I18N.rawValue) || error.domain == Int32(XML_FROM_IO.rawValue)
        let prematureEnd = !isEncoding && (isFinishing || error.code == XML_ERR_TAG_NOT_FINISHED.rawValue)
        diagnostics.append(XMLDiagnostic(line: error.line > 0 ? Int(error.line) : line,
                                         message: message.trimmingReportWhitespace(),
                                         isPrematureEnd: prematureEnd))
    }
}
