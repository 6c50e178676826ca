import DMARC

/// `--records`: one row per record, written as the records are read.
enum RecordView {
    static let columns: [Table.Column] = [
        .text("reporter"), .text("report_id"), .text("begin"), .text("end"), .text("policy_domain"),
        .text("source_ip"), .number("count"), .text("disposition"), .text("dkim"), .text("spf"),
        .text("header_from"), .text("envelope_from"), .text("dkim_auth"), .text("spf_auth"),
    ]

    static func row(_ record: Record, in header: ReportHeader) -> [Cell] {
        let evaluated = record.policyEvaluated
        let dkim = record.authResults.dkim.map { result -> [(key: String, value: Cell)] in
            [("domain", .text(result.domain)), ("selector", .optional(result.selector)),
             ("result", .text(result.result.word))]
        }
        let spf = record.authResults.spf.map { result -> [(key: String, value: Cell)] in
            [("domain", .text(result.domain)), ("scope", .optional(result.scope)), ("result", .text(result.result.word))]
        }
        return [
            .text(header.metadata.reporter), .text(header.metadata.reportID),
            .time(header.metadata.dateRange.begin), .time(header.metadata.dateRange.end),
            .text(header.policy.domain), .text(record.sourceIP.text), .number(record.count),
            .optional(evaluated.disposition?.word), .optional(evaluated.dkim?.word), .optional(evaluated.spf?.word),
            .text(record.identifiers.headerFrom), .optional(record.identifiers.envelopeFrom),
            .objects(dkim, textForm: record.authResults.dkim.map { "\($0.domain)=\($0.result.word)" }.joined(separator: ";")),
            .objects(spf, textForm: record.authResults.spf.map { "\($0.domain)=\($0.result.word)" }.joined(separator: ";")),
        ]
    }
}
