/// Turns the SAX events of one XML document into a report header and a stream of records.
final class ReportBuilder {
    /// Where the report goes: the builder begins it and gives its records; `XMLDocumentSink` ends it. Nil for a
    /// builder of one piece of a split document (`PieceParser`), which keeps its records in `pieceRecords`.
    private let stream: ReportStream?
    private let origin: ReportOrigin
    private let limits: ReadingLimits
    /// The line being parsed, for messages.
    var currentLine: () -> Int = { 0 }

    /// Everything the parse changes, in one place, and the builder's one `@exclusivity(unchecked)`. Why it is
    /// safe: SAX callbacks reach the builder on one thread, one at a time (inside `xmlParseChunk`), and no method
    /// hands out an `inout` to the state, so no two accesses can overlap. Why it is worth it: a class property's
    /// access is otherwise checked at run time, on every access of every SAX event.
    @exclusivity(unchecked) private var state: ParseState
    var header: ReportHeader { state.header }
    var sawFeedbackStart: Bool { state.sawFeedbackStart }
    var sawFeedbackEnd: Bool { state.sawFeedbackEnd }
    /// The reason to stop, once something is wrong with the content.
    var failure: DMARCError.Reason? { state.failure }
    var shouldStop: Bool { state.hasFailed }
    /// Whether text is being read into a field (or straight inside a `<reason>`); most text between elements is
    /// layout whitespace, read by no one.
    var isCapturingText: Bool { state.captureDepth >= 0 || state.readsBareReason }
    /// Called once `</feedback>` is read; what follows is only checked for being empty.
    var onFeedbackEnd: () -> Void = {}

    private let content: RecordContent

    init(stream: ReportStream, origin: ReportOrigin, limits: ReadingLimits, content: RecordContent) {
        self.stream = stream
        self.origin = origin
        self.limits = limits
        self.content = content
        state = ParseState(textCapacity: min(limits.maxTextBytes, 1024))
    }

    /// A builder of the records of one piece of a split document (`PieceParser`), read as the content of a
    /// `<feedback>` whose header the main builder read and checked: the report has begun, and any other child
    /// of `<feedback>` than a record is noted (`leftRecords`: a whole parse would read it differently).
    init(pieceOf origin: ReportOrigin, limits: ReadingLimits, content: RecordContent) {
        stream = nil
        self.origin = origin
        self.limits = limits
        self.content = content
        state = ParseState(textCapacity: min(limits.maxTextBytes, 1024))
        state.hasBegun = true
    }

    /// The records of a piece, in document order (`init(pieceOf:limits:content:)` only).
    private(set) var pieceRecords: [Record] = []
    /// A piece held another child of `<feedback>` than records.
    private(set) var leftRecords = false
    var placeholderCount: Int { state.placeholders }
    var undisposedRecords: UndisposedRecords { state.undisposed }
    var unaddressedSources: UnaddressedSources { state.unaddressed }

    /// The main builder of a split document takes a piece parsed elsewhere, in document order, as if it had
    /// read it (`SplitDocumentParser`): its records go on, its skipped records are added to the warnings.
    func absorb(_ piece: PieceOutcome) {
        guard let stream else { return }
        for record in piece.records { stream.record(record) }
        state.placeholders += piece.placeholders
        state.undisposed.merge(piece.undisposed)
        state.unaddressed.merge(piece.unaddressed)
    }

    /// Whether the builder stands between two records of a begun report, in a `<feedback>` that is the document
    /// element: where the main builder can hand pieces of records to others.
    var isBetweenRecords: Bool {
        state.hasBegun && state.failure == nil && !state.sawFeedbackEnd && state.feedbackDepth == 1
            && state.stack.count == 1 && !state.inRecord && state.skipDepth < 0 && state.captureDepth < 0
    }

    deinit {
        state.text.deallocate()
    }

    /// Gives the header to the handler once, before the first record (or at the end of a report without any),
    /// unless it lacks a part the RFCs require: then the report is refused (`failure`) and never begins.
    func beginIfNeeded() {
        guard !state.hasBegun, !state.hasFailed else { return }
        if let defect = state.parts.defect(in: state.header) {
            state.failure = .invalidReport(defect)
            return
        }
        state.hasBegun = true
        state.header.schema = schema
        stream?.begin(state.header, origin: origin)
    }

    /// What was skipped, read leniently or cannot be shown, as warnings: called once the report is read, before it
    /// ends.
    func warnAboutQuirks() {
        let records = { (count: Int) in count == 1 ? "1 record" : "\(count) records" }
        if state.placeholders > 0 {
            stream?.warn(DMARCWarning("skipped \(records(state.placeholders)) with an empty <source_ip> and count 0 "
                + "(a placeholder: no message from no source)", at: origin))
        }
        if let second = state.policyLines.second, let first = state.policyLines.first {
            stream?.warn(DMARCWarning("a second <policy_published> at line \(second) was skipped: a report covers one "
                + "policy, the one at line \(first)", at: origin))
        }
        if let date = state.millisecondDate {
            stream?.warn(DMARCWarning("the report period is in milliseconds (\(date)): read as seconds since 1970, "
                + "divided by 1000", at: origin))
        }
        let period = state.header.metadata.dateRange
        if period.begin > period.end {
            // Read as written (which end is wrong is a guess); `--since`/`--until` and the timeline go by `<begin>`.
            stream?.warn(DMARCWarning("the report period ends before it begins (<begin> \(period.begin), <end> "
                + "\(period.end)): read as written", at: origin))
        }
        if let text = state.unaddressed.first {
            stream?.warn(DMARCWarning("\(records(state.unaddressed.records)) with a <source_ip> that is no IP address "
                + "(first \"\(text)\"): counted under the text as written", at: origin))
        }
        let undisposed = state.undisposed
        if undisposed.records > 0 {
            let messages = undisposed.messages == 1 ? "1 message" : "\(undisposed.messages) messages"
            let word = undisposed.firstWord.map { ", first \"\($0)\"" } ?? ""
            stream?.warn(DMARCWarning("\(records(undisposed.records)) (\(messages)) without a disposition the RFCs "
                + "define\(word): counted in messages, in no disposition column", at: origin))
        }
    }

    func startElement(_ name: ElementName, namespaceURI: String?) {
        if state.readsBareReason { state.readsBareReason = false }  // the reason has elements: it is no bare text
        let parent = state.stack.last ?? .other
        state.stack.append(name)
        guard state.stack.count <= limits.maxElementDepth else {
            state.failure = .limitExceeded(.elementDepth, limit: limits.maxElementDepth)
            return
        }
        if !state.sawFeedbackStart {
            if name == .feedback {
                state.sawFeedbackStart = true
                state.feedbackDepth = state.stack.count
                state.namespaceURI = namespaceURI
            }
            return
        }
        guard !state.sawFeedbackEnd, state.captureDepth < 0 else { return }  // markup inside a text field: its text joins the field's
        guard state.skipDepth < 0 else { return }
        if parent == .feedback && name == .policyPublished {
            // A report covers one policy: a second `<policy_published>` is skipped, and the reader warns.
            guard state.policyLines.first == nil else {
                if state.policyLines.second == nil { state.policyLines.second = currentLine() }
                state.skipDepth = state.stack.count
                return
            }
            state.policyLines.first = currentLine()
        }
        state.parts.saw(name, in: parent)
        if parent == .feedback && name != .record && stream == nil { leftRecords = true }
        if name == .other || content == .policyEvaluated && Self.isOutsidePolicyEvaluation(parent: parent, name: name)
            && !(name == .authResults && derivesResult) {
            // Elements inside an unknown one may be named like ours (a vendor's <row>, <count>) but are no part of
            // the report; the parts a reader did not ask for are skipped the same way.
            state.skipDepth = state.stack.count
            return
        }
        switch (parent, name) {
        case (.feedback, .record):
            beginIfNeeded()
            guard !state.hasFailed else { return }
            state.parts.beginRecord()
            state.startRecord()
            state.inRecord = true
            state.count = nil
            state.invalidCountText = nil
        case (.policyEvaluated, .reason):
            state.reason = OverrideReason(type: .unrecognised(""))
            state.bareReasonText.removeAll(keepingCapacity: true)
            state.readsBareReason = true
        case (.authResults, .dkim): state.dkimResult = DKIMAuthResult(domain: "", result: .none)
        case (.authResults, .spf): state.spfResult = SPFAuthResult(domain: "", result: .none)
        default:
            if Self.isTextField(parent: parent, name: name) {
                state.captureDepth = state.stack.count
                state.textCount = 0
            }
        }
    }

    func endElement(_ name: ElementName) {
        guard state.stack.last == name else {
            closeImplicitly(upTo: name)
            return
        }
        defer { state.stack.removeLast() }
        if state.skipDepth == state.stack.count { state.skipDepth = -1 }
        guard state.sawFeedbackStart, !state.sawFeedbackEnd, !state.hasFailed, state.skipDepth < 0 else { return }
        let parent = state.stack.count >= 2 ? state.stack[state.stack.count - 2] : .other
        if state.captureDepth == state.stack.count {
            state.captureDepth = -1
            if parent == .row && name == .count {
                readCount()
            } else if parent == .row && name == .sourceIP {
                if state.inRecord { state.record.sourceIP = SourceIP(trimmedUTF8: trimmedText) }
            } else {
                store(makeText(), parent: parent, name: name)
            }
            return
        }
        guard state.captureDepth < 0 else { return }
        switch (parent, name) {
        case (.feedback, .record): finishRecord()
        // Each result is taken from the state, not copied: its strings go into the record without a retain.
        case (.policyEvaluated, .reason):
            state.readsBareReason = false
            if state.reason?.type == .unrecognised(""), !state.bareReasonText.isEmpty {
                // A reporter that writes the type as the reason's own text (seen in dmarc-report-viewer#21).
                state.reason?.type = PolicyOverride(reportText: String(decoding: state.bareReasonText, as: UTF8.self))
            }
            if let reason = state.reason.take(), state.inRecord,
               admitsAnother(state.record.policyEvaluated.reasons.count) {
                state.record.policyEvaluated.reasons.append(reason)
            }
        case (.authResults, .dkim):
            if let dkimResult = state.dkimResult.take(), state.inRecord, !Self.isNoSignature(dkimResult),
               admitsAnother(state.record.authResults.dkim.count) {
                state.record.authResults.dkim.append(dkimResult)
            }
        case (.authResults, .spf):
            if let spfResult = state.spfResult.take(), state.inRecord,
               admitsAnother(state.record.authResults.spf.count) {
                state.record.authResults.spf.append(spfResult)
            }
        default:
            if name == .feedback && state.stack.count == state.feedbackDepth {
                state.header.schema = schema
                state.sawFeedbackEnd = true
                onFeedbackEnd()
            }
        }
    }

    /// An end tag for an element further out (recovered broken XML): the elements inside it end here too.
    /// An end tag that names no open element (misspelt) ends the innermost one, as libxml2 reads it.
    private func closeImplicitly(upTo name: ElementName) {
        guard state.stack.contains(name) else {
            if let innermost = state.stack.last { endElement(innermost) }
            return
        }
        while let innermost = state.stack.last, innermost != name {
            endElement(innermost)
        }
        endElement(name)
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard state.captureDepth >= 0 else {
            if state.readsBareReason && state.bareReasonText.count + bytes.count <= Self.bareReasonLimit {
                state.bareReasonText += bytes
            }
            return
        }
        guard state.textCount + bytes.count <= limits.maxTextBytes else {
            state.failure = .limitExceeded(.textBytes, limit: limits.maxTextBytes)
            return
        }
        if state.textCount + bytes.count > state.textCapacity {
            let grown = min(limits.maxTextBytes, max(state.textCapacity * 2, state.textCount + bytes.count))
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: state.text, count: state.textCount)
            state.text.deallocate()
            state.text = larger
            state.textCapacity = grown
        }
        (state.text + state.textCount).update(from: bytes.baseAddress!, count: bytes.count)
        state.textCount += bytes.count
    }

    private var schema: ReportSchema {
        switch (state.namespaceURI, state.header.version?.trimmingReportWhitespace()) {
        case ("urn:ietf:params:xml:ns:dmarc-2.0", _), (_, "2.0"): .rfc9990
        case ("http://dmarc.org/dmarc-xml/0.1", _), (_, "1.0"), (_, "1"): .rfc7489
        default: .draft
        }
    }

    /// Whether a DKIM result says nothing but that the message carried no signature: no domain, and no result or
    /// `none` (`<dkim><domain/><result>none</result></dkim>`, as AOL, GoSecure and KDDI write for an unsigned
    /// message). It is no signature, and is left out of the record's results.
    private static func isNoSignature(_ result: DKIMAuthResult) -> Bool {
        guard result.domain.isEmpty, result.selector?.isEmpty ?? true else { return false }
        switch result.result {
        case .none, .unrecognised(""): return true
        default: return false
        }
    }

    /// Whether a list that holds `state.count` may take one more; a state.record is handed on whole, so its lists are bounded.
    private func admitsAnother(_ count: Int) -> Bool {
        guard count < limits.maxRepeatedElements else {
            state.failure = .limitExceeded(.repeatedElements, limit: limits.maxRepeatedElements)
            return false
        }
        return true
    }

    private func finishRecord() {
        guard state.inRecord else { return }
        state.inRecord = false
        guard let count = state.count else {
            state.failure = state.parts.sawRow
                ? .invalidCount(text: state.invalidCountText,
                                line: state.invalidCountText == nil ? currentLine() : state.invalidCountLine)
                : .invalidReport(.missing(element: "row", parent: "record", recordEndLine: currentLine()))
            return
        }
        state.record.count = count
        // The record is looked at and handed on from a local, then put back (its lists' storage is reused): an
        // argument read from the state, a class's property, is copied, each of its strings and lists retained.
        let record = state.takeRecord()
        defer { state.record = record }
        if RequiredParts.isPlaceholder(record) {
            state.placeholders += 1
            return
        }
        if let defect = state.parts.defect(in: record, endingAt: currentLine()) {
            state.failure = .invalidReport(defect)
            return
        }
        switch record.policyEvaluated.disposition {
        case .none?, .quarantine?, .reject?, .pass?: break
        case let other: state.undisposed.add(other?.word, messages: count)
        }
        if record.sourceIP.address == nil { state.unaddressed.add(record.sourceIP) }
        if let stream { stream.record(record) } else { pieceRecords.append(record) }
    }

    /// The field's bytes without surrounding whitespace.
    private var trimmedText: UnsafeBufferPointer<UInt8> {
        var start = 0, end = state.textCount
        while start < end && state.text[start].isXMLWhitespace { start += 1 }
        while end > start && state.text[end - 1].isXMLWhitespace { end -= 1 }
        return UnsafeBufferPointer(start: state.text + start, count: end - start)
    }

    /// Text without surrounding whitespace; invalid UTF-8 becomes U+FFFD.
    private func makeText() -> String {
        String(decoding: trimmedText, as: UTF8.self)
    }

    /// The largest count read: 2⁵³ − 1, the largest whole number JSON readers (jq, JavaScript) keep exact, far above
    /// any real record's; totals of such counts cannot wrap round either (`MessageTotals` saturates).
    static let maxCount: UInt64 = (1 << 53) - 1

    /// `<state.count>`: digits only, at most `maxCount`; anything else is kept for the error message.
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
        valid = valid && value <= Self.maxCount
        state.count = valid ? value : nil
        state.invalidCountText = valid ? nil : String(decoding: digits, as: UTF8.self)
        if !valid { state.invalidCountLine = currentLine() }
    }

    /// Whether the record being read lacks a `policy_evaluated` result, so that its DMARC result is derived from
    /// `auth_results` (`DMARCOutcome`): then `RecordContent.policyEvaluated` reads them too. `<auth_results>` comes
    /// after `<row>` in every schema, so the results are known by then.
    private var derivesResult: Bool {
        state.inRecord && (state.record.policyEvaluated.dkim == nil || state.record.policyEvaluated.spf == nil)
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
        case .row, .policyEvaluated, .identifiers: guard state.inRecord else { return }
        default: break
        }
        switch (parent, name) {
        case (.feedback, .version): state.header.version = value
        case (.reportMetadata, .orgName): state.header.metadata.orgName = value
        case (.reportMetadata, .email): state.header.metadata.email = value
        case (.reportMetadata, .extraContactInfo): state.header.metadata.extraContactInfo = value
        case (.reportMetadata, .reportID): state.header.metadata.reportID = value
        case (.reportMetadata, .error):
            // An empty `<error/>` says nothing.
            if !value.isEmpty, admitsAnother(state.header.metadata.errors.count) {
                state.header.metadata.errors.append(value)
            }
        case (.reportMetadata, .generator): state.header.metadata.generator = value
        case (.dateRange, .begin): state.header.metadata.dateRange.begin = seconds(value, element: "begin")
        case (.dateRange, .end): state.header.metadata.dateRange.end = seconds(value, element: "end")
        case (.policyPublished, _): storePolicy(value, name: name)
        case (.policyEvaluated, .disposition): state.record.policyEvaluated.disposition = Disposition(reportText: value)
        case (.policyEvaluated, .dkim): state.record.policyEvaluated.dkim = DMARCResult(reportText: value)
        case (.policyEvaluated, .spf): state.record.policyEvaluated.spf = DMARCResult(reportText: value)
        case (.reason, .type): state.reason?.type = PolicyOverride(reportText: value)
        case (.reason, .comment): state.reason?.comment = value
        case (.identifiers, .headerFrom): state.record.identifiers.headerFrom = value
        case (.identifiers, .envelopeFrom): state.record.identifiers.envelopeFrom = value
        case (.identifiers, .envelopeTo): state.record.identifiers.envelopeTo = value
        case (.dkim, .domain): state.dkimResult?.domain = value
        case (.dkim, .selector): state.dkimResult?.selector = value
        case (.dkim, .result): state.dkimResult?.result = DKIMResult(reportText: value)
        case (.dkim, .humanResult): state.dkimResult?.humanResult = value
        case (.spf, .domain): state.spfResult?.domain = value
        case (.spf, .scope): state.spfResult?.scope = value
        case (.spf, .result): state.spfResult?.result = SPFResult(reportText: value)
        case (.spf, .humanResult): state.spfResult?.humanResult = value
        default: break
        }
    }

    /// A field of `<policy_published>`; an empty one (`<sp></sp>`) is as absent, but the required `<domain>`, whose
    /// emptiness the required parts check.
    private func storePolicy(_ value: String, name: ElementName) {
        guard !value.isEmpty || name == .domain else { return }
        switch name {
        case .domain: state.header.policy.domain = value
        case .adkim: state.header.policy.adkim = Alignment(reportText: value)
        case .aspf: state.header.policy.aspf = Alignment(reportText: value)
        case .p: state.header.policy.p = PolicyAction(reportText: value)
        case .sp: state.header.policy.sp = PolicyAction(reportText: value)
        case .np: state.header.policy.np = PolicyAction(reportText: value)
        case .pct: state.header.policy.pct = Int(value)
        case .fo: state.header.policy.fo = value
        case .testing: state.header.policy.testing = value
        case .discoveryMethod: state.header.policy.discoveryMethod = value
        default: break
        }
    }

    /// Seconds since 1970 (`RequiredParts.seconds`); anything else refuses the report. A value of 10¹¹ or more is
    /// milliseconds, as a few reporters write: 10¹¹ seconds is the year 5138, 10¹¹ milliseconds 1973. It is read
    /// as such, and the reader warns (`warnAboutQuirks`).
    private func seconds(_ text: String, element: String) -> Int64 {
        guard let value = RequiredParts.seconds(text) else {
            state.failure = .invalidReport(.notWholeSeconds(element: element, text: text, line: currentLine()))
            return 0
        }
        guard value >= Self.millisecondsFloor else { return value }
        if state.millisecondDate == nil { state.millisecondDate = "<\(element)> \(text)" }
        return value / 1000
    }

    /// The smallest time read as milliseconds (see `seconds`).
    static let millisecondsFloor: Int64 = 100_000_000_000
    /// The most text kept from straight inside a `<reason>` (`State.bareReasonText`), its indentation included.
    static let bareReasonLimit = 256
}

extension ReportBuilder {
    /// The builder's mutable parse state (see `state`).
    struct ParseState {
        var header = ReportHeader()
        var sawFeedbackStart = false
        var sawFeedbackEnd = false
        var hasBegun = false
        /// The reason to stop, once something is wrong with the content.
        var failure: DMARCError.Reason? {
            didSet { hasFailed = failure != nil }
        }
        /// `failure != nil`, asked after every SAX event: a flag spares copying the reason to look at it.
        private(set) var hasFailed = false

        var namespaceURI: String?
        var stack: [ElementName] = []
        var feedbackDepth = -1
        /// The text of the field being read; it grows up to the text limit when a field needs it.
        var text: UnsafeMutablePointer<UInt8>
        var textCapacity: Int
        var textCount = 0
        var captureDepth = -1
        /// The depth of the unknown element being skipped (`<extension>`, a vendor's), whose content never counts.
        var skipDepth = -1

        /// The record being read, valid while `inRecord`; reused so that no record is copied on its way out.
        var record = Record(sourceIP: SourceIP(reportText: ""), count: 0)
        var inRecord = false
        var count: UInt64?
        var invalidCountText: String?
        var invalidCountLine = 0
        var reason: OverrideReason?
        /// Text written straight inside `<reason>` (`<reason>local_policy</reason>`), read as its type when it has
        /// no `<type>`; at most `bareReasonLimit` bytes (no type is longer).
        var bareReasonText: [UInt8] = []
        /// Inside a `<reason>` before any element of it: its text is `bareReasonText`. A flag of its own, as
        /// `isCapturingText` is asked for every text between elements.
        var readsBareReason = false
        var dkimResult: DKIMAuthResult?
        var spfResult: SPFAuthResult?
        /// What the RFCs require that the report has shown so far.
        var parts = RequiredParts()
        /// Placeholder records skipped (`RequiredParts.isPlaceholder`).
        var placeholders = 0
        /// Records read without a disposition the RFCs define.
        var undisposed = UndisposedRecords()
        /// The lines of the first and second `<policy_published>` (the second is skipped).
        var policyLines: (first: Int?, second: Int?) = (nil, nil)
        /// A date of the report period written in milliseconds, as written (`seconds`).
        var millisecondDate: String?
        /// Records whose `<source_ip>` is no address.
        var unaddressed = UnaddressedSources()

        /// Empties `record` for the next one. Its lists keep their storage: the record handed on before is done
        /// with by then in a streaming view, so the next record's results go in without allocating (a view that
        /// kept the record keeps its own copy).
        mutating func startRecord() {
            var dkim = record.authResults.dkim, spf = record.authResults.spf
            var reasons = record.policyEvaluated.reasons
            record = Record(sourceIP: Self.noSource, count: 0)
            dkim.removeAll(keepingCapacity: true)
            spf.removeAll(keepingCapacity: true)
            reasons.removeAll(keepingCapacity: true)
            record.authResults.dkim = dkim
            record.authResults.spf = spf
            record.policyEvaluated.reasons = reasons
        }

        /// The record, moved out (an empty one left in its place).
        mutating func takeRecord() -> Record {
            var taken = Record(sourceIP: Self.noSource, count: 0)
            swap(&taken, &record)
            return taken
        }

        /// The source of a record before its `<source_ip>` is read.
        private static let noSource = SourceIP(reportText: "")

        init(textCapacity: Int) {
            self.textCapacity = textCapacity
            text = .allocate(capacity: textCapacity)
            stack.reserveCapacity(16)
        }
    }
}
