/// Why a file, or a report inside it, could not be read.
///
/// `description` is the one line a user sees: `<file>[: <member>]: <reason>`.
public struct DMARCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where it happened.
    public var origin: ReportOrigin
    /// What happened.
    public var reason: Reason

    public init(_ reason: Reason, at origin: ReportOrigin) {
        self.origin = origin
        self.reason = reason
    }

    public var description: String { "\(origin): \(reason)" }

    /// The kinds of failure, each with the context a user needs.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The file could not be opened or read (the system's message).
        case unreadable(String)
        case empty
        /// Neither zip, gzip, mail nor XML; carries a printable view of the first bytes.
        case unrecognisedContent(String)
        case corruptGzip(String)
        case truncatedGzip
        case corruptZip(String)
        case noReportInZip
        /// libxml2 gave up; 1-based line, its message.
        case malformedXML(line: Int, message: String)
        /// Well-formed XML, but not `<feedback>`; carries the root element's name.
        case notAReport(root: String)
        /// The document stopped before `</feedback>`.
        case truncatedReport(line: Int)
        /// A `<count>` that is not a non-negative integer.
        /// nil text: the record has no `<count>` at all; the line is then the record's last.
        case invalidCount(text: String?, line: Int)
        /// The document declares entities, which could expand without bound or read local files.
        case entityDeclaration(name: String, line: Int)
        case limitExceeded(ReadingLimits.Limit, limit: Int)
        /// A mail message or folder held no aggregate report.
        case noReportInMessage(String)
        /// Well-formed, but a part the RFCs require is absent or unreadable (the first one met).
        case invalidReport(ReportDefect)

        public var description: String {
            switch self {
            case .unreadable(let message): "cannot read: \(message)"
            case .empty: "empty file"
            case .unrecognisedContent(let start):
                "not a DMARC report: neither zip, gzip, e-mail nor XML (starts with \(start))"
            case .corruptGzip(let message): "corrupt gzip data: \(message)"
            case .truncatedGzip: "gzip data ends early (file truncated?)"
            case .corruptZip(let message): "corrupt zip archive: \(message)"
            case .noReportInZip: "zip archive holds no XML report"
            case .malformedXML(let line, let message): "malformed XML at line \(line): \(message)"
            case .notAReport(let root): "XML is not a DMARC aggregate report (root element <\(root)>, expected <feedback>)"
            case .truncatedReport(let line): "report ends at line \(line) before </feedback> (file truncated?)"
            case .invalidCount(let text?, let line)
                where !text.isEmpty && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }):
                "count \"\(text)\" at line \(line) is above \(ReportBuilder.maxCount) (2^53 − 1): no report holds that "
                    + "many messages"
            case .invalidCount(let text, let line):
                text.map { "count \"\($0)\" at line \(line) is not a non-negative whole number" }
                    ?? "record ending at line \(line) has no count"
            case .entityDeclaration(let name, let line):
                "refused: the document declares entity \"\(name)\" at line \(line) (entities are never expanded)"
            case .limitExceeded(let limit, let value): limit.explanation(value)
            case .noReportInMessage(let message): message
            case .invalidReport(let defect): defect.description
            }
        }
    }
}

/// Something odd that did not stop a report from being read.
public struct DMARCWarning: Sendable, Hashable, CustomStringConvertible {
    public var origin: ReportOrigin
    public var message: String

    public init(_ message: String, at origin: ReportOrigin) {
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(origin): warning: \(message)" }
}
