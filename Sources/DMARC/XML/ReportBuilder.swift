/// Turns the SAX events of one XML document into a report header and a stream of records.
final class ReportBuilder {
    /// Where the report goes: the builder begins it and gives its records; `XMLDocumentSink` ends it.
    private let stream: ReportStream
    private let origin: ReportOrigin
    private let limits: ReadingLimits
    /// The line being parsed, for messages.
    var currentLine: () -> Int = { 0 }

    @exclusivity(unchecked) private(set) var header = ReportHeader()
    @exclusivity(unchecked) private(set) var sawFeedbackStart = false
    @exclusivity(unchecked) private(set) var sawFeedbackEnd = false
    @exclusivity(unchecked) private(set) var hasBegun = false
    /// The reason to stop, once something is wrong with the content.
    @exclusivity(unchecked) private(set) var failure: DMARCError.Reason?
    var shouldStop: Bool { failure != nil }
    /// Called once `</feedback>` is read; what follows is only checked for being empty.
    var onFeedbackEnd: () -> Void = {}

    @exclusivity(unchecked) private var namespaceURI: String?
    @exclusivity(unchecked) private var stack: [ElementName] = []
    @exclusivity(unchecked) private var feedbackDepth = -1
    /// The text of the field being read; it grows up to the text limit when a field needs it.
    @exclusivity(unchecked) private var text: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var textCapacity: Int
    @exclusivity(unchecked) private var textCount = 0
    @exclusivity(unchecked) private var captureDepth = -1
    /// The depth of the unknown element being skipped (`<extension>`, a vendor's), whose content never counts.
    @exclusivity(unchecked) private var skipDepth = -1

    /// The record being read, valid while `inRecord`; reused so that no record is copied on its way out.
    @exclusivity(unchecked) private var record = Record(sourceIP: SourceIP(reportText: ""), count: 0)
    @exclusivity(unchecked) private var inRecord = false
    @exclusivity(unchecked) private var count: UInt64?
    @exclusivity(unchecked) private var invalidCountText: String?
    @exclusivity(unchecked) private var invalidCountLine = 0
    @exclusivity(unchecked) private var reason: OverrideReason?
    @exclusivity(unchecked) private var dkimResult: DKIMAuthResult?
    @exclusivity(unchecked) private var spfResult: SPFAuthResult?

    private let content: RecordContent

    init(stream: ReportStream, origin: ReportOrigin, limits: ReadingLimits, content: RecordContent) {
        self.stream = stream
        self.origin = origin
        self.limits = limits
        self.content = content
        textCapacity = min(limits.maxTextBytes, 1024)
        text = .allocate(capacity: textCapacity)
        stack.reserveCapacity(16)
    }

    deinit {
        text.deallocate()
    }

    /// Gives the header to the handler once, before the first record (or at the end of a report without any).
    func beginIfNeeded() {
        guard !hasBegun else { return }
        hasBegun = true
        header.schema = schema
        stream.begin(header, origin: origin)
    }

    func startElement(_ name: ElementName, namespaceURI: String?) {
        let parent = stack.last ?? .other
        stack.append(name)
        guard stack.count <= limits.maxElementDepth else {
            failure = .limitExceeded(.elementDepth, limit: limits.maxElementDepth)
            return
        }
        if !sawFeedbackStart {
            if name == .feedback {
                sawFeedbackStart = true
                feedbackDepth = stack.count
                self.namespaceURI = namespaceURI
            }
            return
        }
        guard !sawFeedbackEnd, captureDepth < 0 else { return }  // markup inside a text field: its text joins the field's
        guard skipDepth < 0 else { return }
        if name == .other || content == .policyEvaluated && Self.isOutsidePolicyEvaluation(parent: parent, name: name) {
            // Elements inside an unknown one may be named like ours (a vendor's <row>, <count>) but are no part of
            // the report; the parts a reader did not ask for are skipped the same way.
            skipDepth = stack.count
            return
        }
        switch (parent, name) {
        case (.feedback, .record):
            beginIfNeeded()
            record = Record(sourceIP: SourceIP(reportText: ""), count: 0)
            inRecord = true
            count = nil
            invalidCountText = nil
        case (.policyEvaluated, .reason): reason = OverrideReason(type: .unrecognised(""))
        case (.authResults, .dkim): dkimResult = DKIMAuthResult(domain: "", result: .none)
        case (.authResults, .spf): spfResult = SPFAuthResult(domain: "", result: .none)
        default:
            if Self.isTextField(parent: parent, name: name) {
                captureDepth = stack.count
                textCount = 0
            }
        }
    }

    func endElement(_ name: ElementName) {
        guard stack.last == name else {
            closeImplicitly(upTo: name)
            return
        }
        defer { stack.removeLast() }
        if skipDepth == stack.count { skipDepth = -1 }
        guard sawFeedbackStart, !sawFeedbackEnd, failure == nil, skipDepth < 0 else { return }
        let parent = stack.count >= 2 ? stack[stack.count - 2] : .other
        if captureDepth == stack.count {
            captureDepth = -1
            if parent == .row && name == .count {
                readCount()
            } else if parent == .row && name == .sourceIP {
                if inRecord { record.sourceIP = SourceIP(trimmedUTF8: trimmedText) }
            } else {
                store(makeText(), parent: parent, name: name)
            }
            return
        }
        guard captureDepth < 0 else { return }
        switch (parent, name) {
        case (.feedback, .record): finishRecord()
        case (.policyEvaluated, .reason):
            if let reason, inRecord, admitsAnother(record.policyEvaluated.reasons.count) {
                record.policyEvaluated.reasons.append(reason)
            }
            reason = nil
        case (.authResults, .dkim):
            if let dkimResult, inRecord, admitsAnother(record.authResults.dkim.count) {
                record.authResults.dkim.append(dkimResult)
            }
            dkimResult = nil
        case (.authResults, .spf):
            if let spfResult, inRecord, admitsAnother(record.authResults.spf.count) {
                record.authResults.spf.append(spfResult)
            }
            spfResult = nil
        default:
            if name == .feedback && stack.count == feedbackDepth {
                header.schema = schema
                sawFeedbackEnd = true
                onFeedbackEnd()
            }
        }
    }

    /// An end tag for an element further out (recovered broken XML): the elements inside it end here too.
    /// An end tag that names no open element (misspelt) ends the innermost one, as libxml2 reads it.
    private func closeImplicitly(upTo name: ElementName) {
        guard stack.contains(name) else {
            if let innermost = stack.last { endElement(innermost) }
            return
        }
        while let innermost = stack.last, innermost != name {
            endElement(innermost)
        }
        endElement(name)
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard captureDepth >= 0 else { return }
        guard textCount + bytes.count <= limits.maxTextBytes else {
            failure = .limitExceeded(.textBytes, limit: limits.maxTextBytes)
            return
        }
        if textCount + bytes.count > textCapacity {
            let grown = min(limits.maxTextBytes, max(textCapacity * 2, textCount + bytes.count))
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: text, count: textCount)
            text.deallocate()
            text = larger
            textCapacity = grown
        }
        (text + textCount).update(from: bytes.baseAddress!, count: bytes.count)
        textCount += bytes.count
    }

    private var schema: ReportSchema {
        switch (namespaceURI, header.version?.trimmingReportWhitespace()) {
        case ("urn:ietf:params:xml:ns:dmarc-2.0", _), (_, "2.0"): .rfc9990
        case ("http://dmarc.org/dmarc-xml/0.1", _), (_, "1.0"), (_, "1"): .rfc7489
        default: .draft
        }
    }

    /// Whether a list that holds `count` may take one more; a record is handed on whole, so its lists are bounded.
    private func admitsAnother(_ count: Int) -> Bool {
        guard count < limits.maxRepeatedElements else {
            failure = .limitExceeded(.repeatedElements, limit: limits.maxRepeatedElements)
            return false
        }
        return true
    }

    private func finishRecord() {
        guard inRecord else { return }
        inRecord = false
        guard let count else {
            failure = .invalidCount(text: invalidCountText, line: invalidCountText == nil ? currentLine() : invalidCountLine)
            return
        }
        record.count = count
        stream.record(record)
    }

    /// The field's bytes without surrounding whitespace.
    private var trimmedText: UnsafeBufferPointer<UInt8> {
        var start = 0, end = textCount
        while start < end && text[start].isXMLWhitespace { start += 1 }
        while end > start && text[end - 1].isXMLWhitespace { end -= 1 }
        return UnsafeBufferPointer(start: text + start, count: end - start)
    }

    /// Text without surrounding whitespace; invalid UTF-8 becomes U+FFFD.
    private func makeText() -> String {
        String(decoding: trimmedText, as: UTF8.self)
    }

    /// `<count>`: digits only, within UInt64; anything else is kept for the error message.
    private func readCount() {
        let digits = trimmedText
        var value: UInt64 = 0
        var valid = !digits.isEmpty
        for byte in digits where valid {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(byte &- 0x30))
            valid = byte >= 0x30 && byte <= 0x39 && !overflowA && !overflowB
            value = sum
        }
        count = valid ? value : nil
        invalidCountText = valid ? nil : String(decoding: digits, as: UTF8.self)
        if !valid { invalidCountLine = currentLine() }
    }

    /// With `RecordContent.policyEvaluated`: the parts of a record left out.
    private static func isOutsidePolicyEvaluation(parent: ElementName, name: ElementName) -> Bool {
        switch (parent, name) {
        case (.record, .authResults), (.identifiers, .envelopeFrom), (.identifiers, .envelopeTo): true
        default: false
        }
    }

    private static func isTextField(parent: ElementName, name: ElementName) -> Bool {
        switch (parent, name) {
        case (.feedback, .version),
             (.reportMetadata, .orgName), (.reportMetadata, .email), (.reportMetadata, .extraContactInfo),
             (.reportMetadata, .reportID), (.reportMetadata, .error), (.reportMetadata, .generator),
             (.dateRange, .begin), (.dateRange, .end),
             (.policyPublished, _),
             (.row, .sourceIP), (.row, .count),
             (.policyEvaluated, .disposition), (.policyEvaluated, .dkim), (.policyEvaluated, .spf),
             (.reason, .type), (.reason, .comment),
             (.identifiers, _),
             (.dkim, _), (.spf, _):
            return name != .other
        default:
            return false
        }
    }

    private func store(_ value: String, parent: ElementName, name: ElementName) {
        switch parent {
        case .row, .policyEvaluated, .identifiers: guard inRecord else { return }
        default: break
        }
        switch (parent, name) {
        case (.feedback, .version): header.version = value
        case (.reportMetadata, .orgName): header.metadata.orgName = value
        case (.reportMetadata, .email): header.metadata.email = value
        case (.reportMetadata, .extraContactInfo): header.metadata.extraContactInfo = value
        case (.reportMetadata, .reportID): header.metadata.reportID = value
        case (.reportMetadata, .error):
            if admitsAnother(header.metadata.errors.count) { header.metadata.errors.append(value) }
        case (.reportMetadata, .generator): header.metadata.generator = value
        case (.dateRange, .begin): header.metadata.dateRange.begin = Self.timestamp(value)
        case (.dateRange, .end): header.metadata.dateRange.end = Self.timestamp(value)
        case (.policyPublished, _): storePolicy(value, name: name)
        case (.policyEvaluated, .disposition): record.policyEvaluated.disposition = Disposition(reportText: value)
        case (.policyEvaluated, .dkim): record.policyEvaluated.dkim = Self.dmarcResult(value)
        case (.policyEvaluated, .spf): record.policyEvaluated.spf = Self.dmarcResult(value)
        case (.reason, .type): reason?.type = PolicyOverride(reportText: value)
        case (.reason, .comment): reason?.comment = value
        case (.identifiers, .headerFrom): record.identifiers.headerFrom = value
        case (.identifiers, .envelopeFrom): record.identifiers.envelopeFrom = value
        case (.identifiers, .envelopeTo): record.identifiers.envelopeTo = value
        case (.dkim, .domain): dkimResult?.domain = value
        case (.dkim, .selector): dkimResult?.selector = value
        case (.dkim, .result): dkimResult?.result = DKIMResult(reportText: value)
        case (.dkim, .humanResult): dkimResult?.humanResult = value
        case (.spf, .domain): spfResult?.domain = value
        case (.spf, .scope): spfResult?.scope = value
        case (.spf, .result): spfResult?.result = SPFResult(reportText: value)
        case (.spf, .humanResult): spfResult?.humanResult = value
        default: break
        }
    }

    /// `pass` and `fail` as written by nearly every reporter, without a dictionary look-up.
    private static func dmarcResult(_ value: String) -> DMARCResult {
        switch value {
        case "pass": .pass
        case "fail": .fail
        default: DMARCResult(reportText: value)
        }
    }

    private func storePolicy(_ value: String, name: ElementName) {
        switch name {
        case .domain: header.policy.domain = value
        case .adkim: header.policy.adkim = Alignment(reportText: value)
        case .aspf: header.policy.aspf = Alignment(reportText: value)
        case .p: header.policy.p = PolicyAction(reportText: value)
        case .sp: header.policy.sp = PolicyAction(reportText: value)
        case .np: header.policy.np = PolicyAction(reportText: value)
        case .pct: header.policy.pct = Int(value)
        case .fo: header.policy.fo = value
        case .testing: header.policy.testing = value
        case .discoveryMethod: header.policy.discoveryMethod = value
        default: break
        }
    }

    /// Seconds since 1970; some reporters write a fraction, which is dropped.
    private static func timestamp(_ text: String) -> Int64 {
        if let whole = Int64(text) { return whole }
        if let real = Double(text), real.isFinite, abs(real) < 1e15 { return Int64(real) }
        return 0
    }
}
