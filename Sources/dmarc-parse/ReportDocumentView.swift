import DMARC

/// `--reports`: one nested JSON document per report (its metadata, its policy and its records), for query engines
/// that prefer nested data to the flat `--records` export.
///
/// Fields are named and written as in the `--records` export (docs/export-schema.md describes both), and always
/// come in the same order, so the same reports give the same bytes.
enum ReportDocumentView {
    /// A member of a JSON object: its key and its value, already written as JSON.
    private typealias Member = (key: String, json: String)

    /// The document of one report, holding the records that passed the filter.
    static func document(_ header: ReportHeader, records: [Record]) -> String {
        let metadata = header.metadata
        let policy = header.policy
        return object([
            member("reporter", .text(metadata.reporter)),
            member("schema", .text(header.schema.rawValue)),
            member("version", .optional(header.version)),
            ("metadata", object([
                member("org_name", .text(metadata.orgName)),
                member("email", .text(metadata.email)),
                member("extra_contact_info", .optional(metadata.extraContactInfo)),
                member("report_id", .text(metadata.reportID)),
                member("begin", .time(metadata.dateRange.begin)),
                member("end", .time(metadata.dateRange.end)),
                member("begin_epoch", RecordView.epoch(metadata.dateRange.begin)),
                member("end_epoch", RecordView.epoch(metadata.dateRange.end)),
                member("errors", RecordView.errors(metadata.errors)),
                member("generator", .optional(metadata.generator)),
            ])),
            ("policy", object([
                member("domain", .text(policy.domain)),
                member("adkim", .optional(policy.adkim?.word)),
                member("aspf", .optional(policy.aspf?.word)),
                member("p", .optional(policy.p?.word)),
                member("sp", .optional(policy.sp?.word)),
                member("np", .optional(policy.np?.word)),
                member("pct", RecordView.percentage(policy.pct)),
                member("fo", .optional(policy.fo)),
                member("testing", .optional(policy.testing)),
                member("discovery_method", .optional(policy.discoveryMethod)),
            ])),
            ("records", "[" + records.map(recordObject).joined(separator: ",") + "]"),
        ])
    }

    /// One record inside a document: the row, the identifiers and the auth results, without the report's fields.
    static func recordObject(_ record: Record) -> String {
        let evaluated = record.policyEvaluated
        return object([
            member("source_ip", .text(record.sourceIP.text)),
            member("count", .number(record.count)),
            member("disposition", .optional(evaluated.disposition?.word)),
            member("dkim", .optional(evaluated.dkim?.word)),
            member("spf", .optional(evaluated.spf?.word)),
            member("reasons", RecordView.reasons(evaluated.reasons)),
            member("header_from", .text(record.identifiers.headerFrom)),
            member("envelope_from", .optional(record.identifiers.envelopeFrom)),
            member("envelope_to", .optional(record.identifiers.envelopeTo)),
            member("dkim_auth", RecordView.dkimAuth(record.authResults.dkim)),
            member("spf_auth", RecordView.spfAuth(record.authResults.spf)),
        ])
    }

    private static func member(_ key: String, _ value: Cell) -> Member {
        (key, JSON.value(value))
    }

    private static func object(_ members: [Member]) -> String {
        "{" + members.map { JSON.string($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
    }
}
