/// What makes a well-formed document no report we can count: a part RFC 7489 Appendix C and RFC 9990's schema
/// require is absent, empty or unreadable. The reader refuses such a report (`DMARCError.Reason.invalidReport`)
/// rather than fill the gap with an invented value (an empty reporter, a date of 1970).
///
/// `description` names the first such part, as the reader met it: `no <date_range> in <report_metadata>`.
public enum ReportDefect: Sendable, Hashable, CustomStringConvertible {
    /// A required element is absent, or present with no text. For a part of a record, `recordEndLine` is the
    /// 1-based line where that record ends (a report holds many records); nil for the report's own parts.
    case missing(element: String, parent: String, recordEndLine: Int?)
    /// Neither of two elements that each would do (`<org_name>`, else `<email>`, to name the reporter).
    case missingEither(String, String, parent: String)
    /// A `<begin>` or `<end>` that is not a whole number of seconds since 1970 (1-based line).
    case notWholeSeconds(element: String, text: String, line: Int)

    /// Whether a part is absent (not unreadable).
    var isMissingPart: Bool {
        switch self {
        case .missing, .missingEither: true
        case .notWholeSeconds: false
        }
    }

    public var description: String {
        switch self {
        case .missing(let element, let parent, nil):
            "no <\(element)> in <\(parent)>"
        case .missing(let element, "record", let line?):
            "no <\(element)> in the record ending at line \(line)"
        case .missing(let element, let parent, let line?):
            "no <\(element)> in <\(parent)> of the record ending at line \(line)"
        case .missingEither(let first, let second, let parent):
            "no <\(first)> or <\(second)> in <\(parent)>"
        case .notWholeSeconds(let element, let text, let line):
            "<\(element)> \"\(text)\" is not a whole number of seconds (line \(line))"
        }
    }
}
