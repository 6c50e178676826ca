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

    // MARK: The fast path of the streaming formats

    /// The cells of a row that depend on the report alone, encoded once per report: the first five columns, and
    /// in the export formats the 18 from `begin_epoch` to `discovery_method`. Byte for byte what `row` gives.
    ///
    /// A class, so that handing it to `encode` for each record of the report copies no header.
    final class ReportCells {
        let header: ReportHeader
        let head: [UInt8]
        let exportHead: [UInt8]

        /// Encoded with a copy of `encoder` (an encoder of the row's format and columns, between rows), which
        /// shares its column keys.
        init(_ header: ReportHeader, encoder template: RowEncoder) {
            self.header = header
            let format = template.format
            let cells = RecordView.row(Record(sourceIP: SourceIP(reportText: ""), count: 0), in: header, for: format)
            var encoder = template
            encoder.skip(to: 0, clearing: true)
            encoder.row { encoder in
                for cell in cells[..<5] { encoder.cell(cell) }
            }
            head = encoder.bytes
            guard RecordView.exports(format) else {
                exportHead = []
                return
            }
            encoder.skip(to: 14, clearing: true)
            encoder.row { encoder in
                for cell in cells[14..<32] { encoder.cell(cell) }
            }
            exportHead = encoder.bytes
        }
    }

    /// One record's row into `encoder`, the report's cells spliced in: the per-record cells go straight to bytes
    /// in the JSON formats (no `Cell`, no `String`), through `row`'s cells in the others.
    static func encode(_ record: Record, reportCells: ReportCells, index: Int, into encoder: inout RowEncoder) {
        encoder.row { encoder in
            encodeRow(record, reportCells: reportCells, index: index, into: &encoder)
        }
    }

    private static func encodeRow(_ record: Record, reportCells: ReportCells, index: Int,
                                  into encoder: inout RowEncoder) {
        encoder.beginHeldRow(index: index)
        encoder.splice(reportCells.head, columns: 5)
        let format = encoder.format
        let evaluated = record.policyEvaluated
        encoder.text(record.sourceIP.text)
        encoder.number(record.count)
        encoder.optionalText(evaluated.disposition?.word)
        encoder.optionalText(evaluated.dkim?.word)
        encoder.optionalText(evaluated.spf?.word)
        encoder.text(record.identifiers.headerFrom)
        encoder.optionalText(record.identifiers.envelopeFrom)
        guard format != .tsv else {
            // tsv has no export columns, and shows each auth result as `domain=result`.
            encoder.text(authText(record.authResults.dkim.lazy.map { ($0.domain, $0.result.word) }))
            encoder.text(authText(record.authResults.spf.lazy.map { ($0.domain, $0.result.word) }))
            encoder.endRow()
            return
        }
        // json, ndjson and csv (where each is the JSON text, as one field).
        encoder.objects(record.authResults.dkim) { result, encoder in
            encoder.field("\"domain\":", result.domain)
            encoder.field(",\"selector\":", result.selector)
            encoder.field(",\"result\":", result.result.word)
            encoder.field(",\"human_result\":", result.humanResult)
        }
        encoder.objects(record.authResults.spf) { result, encoder in
            encoder.field("\"domain\":", result.domain)
            encoder.field(",\"scope\":", result.scope)
            encoder.field(",\"result\":", result.result.word)
            encoder.field(",\"human_result\":", result.humanResult)
        }
        encoder.splice(reportCells.exportHead, columns: 18)
        encoder.optionalText(record.identifiers.envelopeTo)
        encoder.objects(evaluated.reasons) { reason, encoder in
            encoder.field("\"type\":", reason.type.word)
            encoder.field(",\"comment\":", reason.comment)
        }
        let outcome = record.dmarcOutcome(under: reportCells.header.policy)
        encoder.text(outcome.passes ? "pass" : "fail")
        encoder.text(outcome.source.rawValue)
        encoder.endRow()
    }

    /// An auth results cell's text form: `domain=result`, `;` between.
    private static func authText(_ results: some Sequence<(domain: String, result: String)>) -> String {
        results.map { "\($0.domain)=\($0.result)" }.joined(separator: ";")
    }

    /// `dkim_auth`: every field of each DKIM result.
    static func dkimAuth(_ results: [DKIMAuthResult]) -> Cell {
        .objects(results.map { result in
            [("domain", .text(result.domain)), ("selector", .optional(result.selector)),
             ("result", .text(result.result.word)), ("human_result", .optional(result.humanResult))]
        }, textForm: authText(results.lazy.map { ($0.domain, $0.result.word) }))
    }

    /// `spf_auth`: every field of each SPF result.
    static func spfAuth(_ results: [SPFAuthResult]) -> Cell {
        .objects(results.map { result in
            [("domain", .text(result.domain)), ("scope", .optional(result.scope)),
             ("result", .text(result.result.word)), ("human_result", .optional(result.humanResult))]
        }, textForm: authText(results.lazy.map { ($0.domain, $0.result.word) }))
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
