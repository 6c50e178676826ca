/// The parts of a report that RFC 7489 Appendix C and RFC 9990's schema require, checked once, as the
/// `ReportBuilder` reads them: what is missing or unreadable refuses the report (`ReportDefect`).
///
/// Required: `<report_metadata>` with `<org_name>` (or, failing that, an `<email>` to name the reporter by),
/// `<report_id>` and `<date_range>` with whole-second `<begin>` and `<end>`; `<policy_published>` with `<domain>`;
/// every record with `<row>`, `<source_ip>`, `<count>` and `<identifiers>` with `<header_from>`. Both schemas put
/// the report's parts before its records, so they are judged when the first record starts (or at `</feedback>`
/// in a report without records). Everything else may be left out: the model says what a missing part reads as.
struct RequiredParts {
    private var sawReportMetadata = false
    private var sawDateRange = false
    private var sawBegin = false
    private var sawEnd = false
    private var sawPolicyPublished = false
    /// Of the record being read.
    private(set) var sawRow = false
    private var sawIdentifiers = false

    /// Notes an element that starts, when it is one whose presence is required.
    @inline(__always)
    mutating func saw(_ name: ElementName, in parent: ElementName) {
        switch (parent, name) {
        case (.feedback, .reportMetadata): sawReportMetadata = true
        case (.reportMetadata, .dateRange): sawDateRange = true
        case (.dateRange, .begin): sawBegin = true
        case (.dateRange, .end): sawEnd = true
        case (.feedback, .policyPublished): sawPolicyPublished = true
        case (.record, .row): sawRow = true
        case (.record, .identifiers): sawIdentifiers = true
        default: break
        }
    }

    /// A new record starts: nothing of it seen yet.
    mutating func beginRecord() {
        sawRow = false
        sawIdentifiers = false
    }

    /// The first required part of the report's own (everything before the records) that is missing.
    func defect(in header: ReportHeader) -> ReportDefect? {
        let metadata = header.metadata
        func missing(_ element: String, in parent: String) -> ReportDefect {
            .missing(element: element, parent: parent, recordEndLine: nil)
        }
        guard sawReportMetadata else { return missing("report_metadata", in: "feedback") }
        guard !metadata.orgName.isEmpty || !metadata.email.isEmpty else {
            return .missingEither("org_name", "email", parent: "report_metadata")
        }
        guard !metadata.reportID.isEmpty else { return missing("report_id", in: "report_metadata") }
        guard sawDateRange else { return missing("date_range", in: "report_metadata") }
        guard sawBegin else { return missing("begin", in: "date_range") }
        guard sawEnd else { return missing("end", in: "date_range") }
        guard sawPolicyPublished else { return missing("policy_published", in: "feedback") }
        guard !header.policy.domain.isEmpty else { return missing("domain", in: "policy_published") }
        return nil
    }

    /// The first required part of a record that is missing; `line` is where the record ends. A valid `<count>`
    /// is checked before (`DMARCError.Reason.invalidCount`), as is a placeholder record (`isPlaceholder`).
    func defect(in record: Record, endingAt line: Int) -> ReportDefect? {
        func missing(_ element: String, in parent: String) -> ReportDefect {
            .missing(element: element, parent: parent, recordEndLine: line)
        }
        guard sawRow else { return missing("row", in: "record") }
        guard !Self.isEmpty(record.sourceIP) else { return missing("source_ip", in: "row") }
        guard sawIdentifiers else { return missing("identifiers", in: "record") }
        guard !record.identifiers.headerFrom.isEmpty else { return missing("header_from", in: "identifiers") }
        return nil
    }

    /// A record that stands for no message from no source (an empty `<source_ip>` with count 0, as o2.pl sends):
    /// no part of any total, skipped with a warning rather than shown as a blank source.
    static func isPlaceholder(_ record: Record) -> Bool {
        record.count == 0 && isEmpty(record.sourceIP)
    }

    private static func isEmpty(_ source: SourceIP) -> Bool {
        source.address == nil && source.text.isEmpty
    }

    /// `<begin>`/`<end>`: seconds since 1970 as digits. Some reporters (163.com) write a decimal, `1363310677.0`:
    /// read as its whole seconds, any fraction dropped (a report's period is hours or days long). Anything
    /// else (empty, a sign, an exponent, a word) is no time, and the report is refused.
    static func seconds(_ text: String) -> Int64? {
        // One pass over the bytes (each report has two: splitting them cost a thousand instructions each).
        var value: Int64 = 0
        var wholeDigits = 0, fractionDigits = 0
        var inFraction = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39 where inFraction:
                fractionDigits += 1
            case 0x30...0x39:
                wholeDigits += 1
                let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowedAgain) = shifted.addingReportingOverflow(Int64(byte - 0x30))
                guard wholeDigits <= 19, !overflowed, !overflowedAgain else { return nil }
                value = sum
            case UInt8(ascii: ".") where !inFraction:
                inFraction = true
            default:
                return nil
            }
        }
        guard wholeDigits > 0, !inFraction || fractionDigits > 0 else { return nil }
        return value
    }
}
