/// The one place that picks the next stage of the pipeline: stages ask here, they never build each other.
///
/// ```
/// bytes ─▶ ContentSniffer ─┬─ gzip ─▶ GzipInflater ─▶ ContentSniffer (one level deeper) ─▶ …
///                          ├─ zip  ─▶ ZipArchiveSink ─▶ ZipArchiveReader ─▶ a ContentSniffer per member ─▶ …
///                          ├─ mail ─▶ MailMessageSink / MboxSplitter ─▶ a ContentSniffer per part ─▶ …
///                          └─ xml  ─▶ XMLDocumentSink (libxml2 → ReportBuilder) ─▶ ReportStream ─▶ ReportHandler
/// a zip file ─▶ ZipArchiveReader (`readZipFile`: read where it lies, never held whole) ─▶ a ContentSniffer per member
/// ```
extension ReadingContext {
    /// The stage that reads content of `kind` (its first bytes are `head`), found at `origin`, `nesting`
    /// containers deep. Throws for content that is no report, or nested too deep.
    func stage(for kind: ContentKind, head: [UInt8], origin: ReportOrigin, nesting: Int) throws(DMARCError)
        -> any ByteSink {
        try checkNesting(nesting, at: origin)
        switch kind {
        case .empty:
            throw DMARCError(.empty, at: origin)
        case .gzip:
            let inner = sniffer(origin: origin, nesting: nesting + 1)
            // Only the outermost stream of an input is worth a thread of its own.
            let overlapped = nesting == 0 && overlapsDecompression
            return GzipInflater(context: self, origin: origin,
                                downstream: overlapped ? OverlappingSink(downstream: inner) : inner)
        case .zip:
            return ZipArchiveSink(context: self, origin: origin, nesting: nesting)
        case .mailMessage:
            return MailMessageSink(context: self, origin: origin, nesting: nesting)
        case .mbox:
            return MboxSplitter(context: self, origin: origin, nesting: nesting)
        case .xml:
            return XMLDocumentSink(context: self, origin: origin)
        case .unrecognised:
            throw DMARCError(.unrecognisedContent(ContentSniffer.preview(head)), at: origin)
        }
    }

    /// A zip archive that is a regular file (`descriptor`, `size` bytes by `fstat`) given as an input: read where it
    /// lies by `ZipArchiveReader`, as `stage(for: .zip, …)` reads it from memory, with the same checks and errors,
    /// but never held whole. Its content sniffed as zip; standard input and nested zips go through `stage(for:)`.
    func readZipFile(descriptor: Int32, size: Int, origin: ReportOrigin) throws(DMARCError) {
        try checkNesting(0, at: origin)
        try checkContainerSize(size, at: origin)
        try ZipArchiveReader(archive: ZipFileBytes(descriptor: descriptor, size: size), context: self, origin: origin,
                             nesting: 0).read()
    }

    private func checkNesting(_ nesting: Int, at origin: ReportOrigin) throws(DMARCError) {
        guard nesting <= limits.maxNesting else {
            throw DMARCError(.limitExceeded(.nesting, limit: limits.maxNesting), at: origin)
        }
    }

    /// The first stage of content found at `origin` (a file, a member, a part, an inflated stream).
    func sniffer(origin: ReportOrigin, nesting: Int) -> ContentSniffer {
        ContentSniffer(context: self, origin: origin, nesting: nesting)
    }

    /// One message of a mailbox: read with a fresh decompression budget, as the files of a Maildir folder are.
    func messageStage(origin: ReportOrigin, nesting: Int, label: String, warningOrigin: ReportOrigin)
        -> MailMessageSink {
        MailMessageSink(context: withFreshBudget(), origin: origin, nesting: nesting, label: label,
                        warningOrigin: warningOrigin)
    }
}
