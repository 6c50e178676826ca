/// One e-mail message (RFC 5322 with MIME): collected whole, up to `maxDecompressedBytes`, then each part that may
/// carry a report is decoded and read through its own pipeline, as a file would be, so that a `.zip` that is really
/// gzip still reads.
///
/// Every report in every part counts. A broken report part is reported and the other parts still count. A
/// message without any report (a failure report, an SMTP TLS report, a newsletter) is no error: it gives one
/// warning.
final class MailMessageSink: ByteSink {
    private let context: ReadingContext
    /// Where the message is; its parts are named below it.
    private let origin: ReportOrigin
    private let nesting: Int
    /// How the message is named in the warning when it holds no report, and where that warning is given.
    private let label: String
    private let warningOrigin: ReportOrigin
    private var bytes: [UInt8] = []
    private var warnedAboutDepth = false
    /// A part reached the decompression limit, which counts for the whole message: the parts after it are not read.
    private var reachedDecompressionLimit = false

    /// Media types reporters give report attachments, the generic ones included.
    private static let reportMediaTypes: Set<String> = [
        "application/zip", "application/x-zip", "application/x-zip-compressed",
        "application/gzip", "application/x-gzip", "application/x-gzip-compressed",
        "application/octet-stream", "text/xml", "application/xml",
    ]

    init(context: ReadingContext, origin: ReportOrigin, nesting: Int,
         label: String = "the message", warningOrigin: ReportOrigin? = nil) {
        self.context = context
        self.origin = origin
        self.nesting = nesting
        self.label = label
        self.warningOrigin = warningOrigin ?? origin
    }


    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        try context.collect(chunk, into: &bytes, at: origin)
    }

    func finish() throws(DMARCError) {
        let message = bytes
        bytes = []
        read(message[...])
    }

    /// Reads a whole message given at once.
    func read(_ message: ArraySlice<UInt8>) {
        let entity = MIMEEntity(parsing: message)
        if !read(entity, section: [], depth: 0, isWholeMessage: true) {
            let subject = entity.field("subject").map { HeaderText.printable(HeaderText.decodingEncodedWords($0)) }
            let about = subject.map { "Subject: \($0)" } ?? "no Subject"
            context.stream.warn(DMARCWarning("\(label) holds no aggregate report (\(about))", at: warningOrigin))
        }
    }

    /// Reads the reports in `entity` and the parts inside it; false when none of them may carry a report.
    /// `section` numbers the part as IMAP does (`2.1`: the first part of the second).
    private func read(_ entity: MIMEEntity, section: [Int], depth: Int, isWholeMessage: Bool) -> Bool {
        guard depth <= context.limits.maxPartDepth else {
            if !warnedAboutDepth {
                warnedAboutDepth = true
                context.stream.warn(DMARCWarning(
                    "MIME parts nest more than \(context.limits.maxPartDepth) deep; the deeper ones were not read", at: origin))
            }
            return false
        }
        if let parts = entity.parts() {
            var foundReport = false
            for (index, part) in parts.enumerated() {
                foundReport = read(part, section: section + [index + 1], depth: depth + 1, isWholeMessage: false)
                    || foundReport
            }
            return foundReport
        }
        let type = entity.contentType.value
        if type == "message/rfc822" || type == "message/global" {
            // A forwarded message: its parts count as this message's.
            let inner = entity.transferEncoding.decoded(entity.body)
            return read(MIMEEntity(parsing: inner[...]), section: section, depth: depth + 1, isWholeMessage: true)
        }
        return readLeaf(entity, section: section, isWholeMessage: isWholeMessage)
    }

    /// Whether a part that is no container may be a report: by its media type or file name; the body of a
    /// single-part message is tried whatever its type says, unless it is HTML.
    private static func mayCarryReport(type: String, fileName: String?, isWholeMessage: Bool) -> Bool {
        if reportMediaTypes.contains(type) { return true }
        if let fileName, ZipArchiveReader.isNamedLikeReport(fileName) {
            return !type.hasPrefix("application/tlsrpt")  // SMTP TLS reports (RFC 8460) are `.json.gz`
        }
        return isWholeMessage && fileName == nil && type == "text/plain"
    }

    /// Reads one part; false when it was skipped as holding no report.
    private func readLeaf(_ entity: MIMEEntity, section: [Int], isWholeMessage: Bool) -> Bool {
        let fileName = entity.fileName
        guard !reachedDecompressionLimit else { return false }
        guard Self.mayCarryReport(type: entity.contentType.value, fileName: fileName,
                                  isWholeMessage: isWholeMessage) else { return false }
        let partName = fileName ?? "part " + (section.isEmpty ? "1" : section.map(String.init).joined(separator: "."))
        let partOrigin = origin.appending(partName)
        let sink = context.sniffer(origin: partOrigin, nesting: nesting + 1)
        do throws(DMARCError) {
            context.chargeCompressed(entity.body.count)
            try entity.transferEncoding.decode(entity.body) { (decoded: ArraySlice<UInt8>) throws(DMARCError) in
                try context.chargeDecompressed(decoded.count, at: partOrigin)
                try sink.write(contentsOf: decoded)
            }
            try sink.finish()
        } catch {
            // A part that is something else (a PDF sent as octet-stream, a text body) is no report, unless its
            // name says it is one.
            switch error.reason {
            case .empty, .unrecognisedContent, .notAReport, .noReportInZip:
                if !(fileName.map(ZipArchiveReader.isNamedLikeReport) ?? false) { return false }
            case .limitExceeded(let limit, _) where limit.endsTheInput:
                reachedDecompressionLimit = true
            default:
                break
            }
            context.stream.fail(error)
        }
        return true
    }
}
