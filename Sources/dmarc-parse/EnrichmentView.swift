import DMARC

/// The columns that say who a source is, after a view's own columns when enrichment is on (`--enrich`,
/// `--ip-db`), always all six and in this order; null in JSON, empty in text formats, when unknown.
enum EnrichmentView {
    static let columns: [Table.Column] = [
        .text("ptr"), .text("ptr_confirmed"), .text("service"), .number("asn"), .text("as_name"), .text("country"),
    ]

    static func cells(_ enrichment: SourceEnrichment) -> [Cell] {
        [
            .optional(enrichment.ptr), enrichment.ptrConfirmed.map(Cell.bool) ?? .missing,
            .optional(enrichment.service), enrichment.asn.map { Cell.number(UInt64($0)) } ?? .missing,
            .optional(enrichment.asName), .optional(enrichment.country),
        ]
    }

    /// `ptr; service; AS64500 Name; CC`, the known parts only (an unconfirmed PTR name ends with `?`): for the
    /// text forms of nested lists (the audit's top sources).
    static func text(_ enrichment: SourceEnrichment) -> String {
        var parts: [String] = []
        if let service = enrichment.service { parts.append(service) }
        if let asn = enrichment.asn {
            parts.append("AS\(asn)" + (enrichment.asName.map { " \($0)" } ?? ""))
        }
        if let country = enrichment.country { parts.append(country) }
        let ptr = enrichment.ptr.map { $0 + (enrichment.ptrConfirmed == true ? "" : "?") }
        return ([ptr].compactMap { $0 } + parts).joined(separator: "; ")
    }

    /// Who each source is, for the audit and the HTML report.
    static func table(_ enricher: SourceEnricher, for sources: some Sequence<SourceIP>) -> [SourceIP: SourceEnrichment] {
        Dictionary(uniqueKeysWithValues: sources.map { ($0, enricher.enrichment(for: $0)) })
    }

    /// The JSON members of one source's enrichment (null when unknown).
    static func members(_ enrichment: SourceEnrichment) -> [(key: String, value: Cell)] {
        Array(zip(columns.map(\.name), cells(enrichment)))
    }
}
