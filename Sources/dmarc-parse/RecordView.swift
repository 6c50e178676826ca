import DMARC

/// `--records`: one row per record, written as the records are read.
///
/// The table and tsv formats, for people and awk, print the first 14 columns only, always in this order. The
/// export formats (csv, json, ndjson) add every other field of the model after them, so that a query engine gets
/// everything a report says; docs/export-schema.md describes each column.
enum RecordView {
    /// The columns of the table and tsv formats, which people and scripts rely on: never reorder them.
    static let columns: [Table.Column] = [
        .text("reporter"), .text("report_id"), .text("begin"), .text("end"), .text("policy_domain"),
        .text("source_ip"), .number("count"), .text("disposition"), .text("dkim"), .text("spf"),
        .text("header_from"), .text("envelope_from"), .text("dkim_auth"), .text("spf_auth"),
    ]

    /// The columns the export formats add after `columns`: the rest of the report metadata, the policy and the
    /// record, then the record's DMARC result and how it was obtained (`DMARCOutcome`).
    static let exportColumns: [Table.Column] = [
        .number("begin_epoch"), .number("end_epoch"), .text("org_name"), .text("email"),
        .text("extra_contact_info"), .text("schema"), .text("version"), .text("generator"), .text("errors"),
        .text("adkim"), .text("aspf"), .text("p"), .text("sp"), .text("np"), .number("pct"), .text("fo"),
        .text("testing"), .text("discovery_method"), .text("envelope_to"), .text("reasons"),
        .text("dmarc_result"), .text("dmarc_result_source"),
    ]

    /// Whether a format is an export format, which carries every field.
    static func exports(_ format: OutputFormat) -> Bool {
        switch format {
        case .csv, .json, .ndjson: true
        case .table, .tsv: false
        }
    }

    /// The columns `format` prints.
    static func columns(for format: OutputFormat) -> [Table.Column] {
        exports(format) ? columns + exportColumns : columns
    }

    /// One record's row in `format`. In csv, a field that holds a list (auth results, reasons, errors) is written
    /// as JSON text, so that nothing is lost; in table and tsv the auth results read `domain=result;…`.
    static func row(_ record: Record, in header: ReportHeader, for format: OutputFormat) -> [Cell] {
        let metadata = header.metadata
        let policy = header.policy
        let evaluated = record.policyEvaluated
        var row: [Cell] = [
            .text(metadata.reporter), .text(metadata.reportID),
            .time(metadata.dateRange.begin), .time(metadata.dateRange.end),
            .text(policy.domain), .text(record.sourceIP.text), .number(record.count),
            .optional(evaluated.disposition?.word), .optional(evaluated.dkim?.word), .optional(evaluated.spf?.word),
            .text(record.identifiers.headerFrom), .optional(record.identifiers.envelopeFrom),
            dkimAuth(record.authResults.dkim), spfAuth(record.authResults.spf),
        ]
        guard exports(format) else { return row }
        row += [
            epoch(metadata.dateRange.begin), epoch(metadata.dateRange.end), .text(metadata.orgName),
            .text(metadata.email), .optional(metadata.extraContactInfo), .text(header.schema.rawValue),
            .optional(header.version), .optional(metadata.generator), errors(metadata.errors),
            .optional(policy.adkim?.word), .optional(policy.aspf?.word), .optional(policy.p?.word),
            .optional(policy.sp?.word), .optional(policy.np?.word), percentage(policy.pct), .optional(policy.fo),
            .optional(policy.testing), .optional(policy.discoveryMethod), .optional(record.identifiers.envelopeTo),
            reasons(evaluated.reasons),
        ]
        // The one DMARC rule of every view: policy_evaluated, or auth_results where it lacks a result.
        let outcome = record.dmarcOutcome(under: policy)
        row += [.text(outcome.passes ? "pass" : "fail"), .text(outcome.source.rawValue)]
        return format == .csv ? row.map(nestedAsJSONText) : row
    }

    /// `dkim_auth`: every field of each DKIM result.
    static func dkimAuth(_ results: [DKIMAuthResult]) -> Cell {
        .objects(results.map { result in
            [("domain", .text(result.domain)), ("selector", .optional(result.selector)),
             ("result", .text(result.result.word)), ("human_result", .optional(result.humanResult))]
        }, textForm: results.map { "\($0.domain)=\($0.result.word)" }.joined(separator: ";"))
    }

    /// `spf_auth`: every field of each SPF result.
    static func spfAuth(_ results: [SPFAuthResult]) -> Cell {
        .objects(results.map { result in
            [("domain", .text(result.domain)), ("scope", .optional(result.scope)),
             ("result", .text(result.result.word)), ("human_result", .optional(result.humanResult))]
        }, textForm: results.map { "\($0.domain)=\($0.result.word)" }.joined(separator: ";"))
    }

    /// `reasons`: each policy override, `{type, comment}`.
    static func reasons(_ reasons: [OverrideReason]) -> Cell {
        .objects(reasons.map { [("type", .text($0.type.word)), ("comment", .optional($0.comment))] },
                 textForm: reasons.map(\.type.word).joined(separator: ";"))
    }

    /// `errors`: the reporter's `<error>` lines.
    static func errors(_ errors: [String]) -> Cell {
        .list(errors, separator: ";")
    }

    /// Seconds since 1970. A date before 1970 (no real report has one) has no unsigned form and is null.
    static func epoch(_ seconds: Int64) -> Cell {
        UInt64(exactly: seconds).map(Cell.number) ?? .missing
    }

    /// `pct` as a number; null when absent or negative (which no valid policy has).
    static func percentage(_ pct: Int?) -> Cell {
        pct.flatMap { UInt64(exactly: $0) }.map(Cell.number) ?? .missing
    }

    /// A list or objects cell as its JSON text (for csv); any other cell as it is.
    private static func nestedAsJSONText(_ cell: Cell) -> Cell {
        switch cell {
        case .list, .objects: .text(JSON.value(cell))
        default: cell
        }
    }
}
