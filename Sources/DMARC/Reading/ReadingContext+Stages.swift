/// The one place that picks the next stage of the pipeline: stages ask here, they never build each other.
///
/// ```
/// bytes ─▶ ContentSniffer ─┬─ gzip ─▶ GzipInflater ─▶ ContentSniffer (one level deeper) ─▶ …
///                          ├─ zip  ─▶ ZipArchiveSink ─▶ a ContentSniffer per member ─▶ …
///                          ├─ mail ─▶ MailMessageSink / MboxSplitter ─▶ a ContentSniffer per part ─▶ …
///                          └─ xml  ─▶ XMLDocumentSink (libxml2 → ReportBuilder) ─▶ ReportStream ─▶ ReportHandler
/// ```
extension ReadingContext {
    /// The stage that reads content of `kind` (its first bytes are `head`), found at `origin`, `nesting`
    /// containers deep. Throws for content that is no report, or nested too deep.
    func stage(for kind: ContentKind, head: [UInt8], origin: ReportOrigin, nesting: Int) throws(DMARCError)
        -> any ByteSink {
        guard nesting <= limits.maxNesting else {
            throw DMARCError(.limitExceeded(.nesting, limit: limits.maxNesting), at: origin)
        }
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
