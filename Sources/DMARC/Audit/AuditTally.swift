/// What the audit keeps while reading: totals per source, `header_from` domain and diagnosis, and the domains each
/// source authenticated as. It grows with distinct sources, never with records.
public struct AuditTally: Sendable {
    struct Key: Hashable, Sendable {
        var source: SourceIP
        var headerFrom: String
        var diagnosis: Diagnosis
    }

    var totals: [Key: MessageTotals] = [:]
    /// Per source: `d=DOMAIN` for each DKIM pass, `mfrom=DOMAIN` (or `helo=`) for each SPF pass.
    var authenticatedAs: [SourceIP: Set<String>] = [:]

    public init() {}

    /// Counts one record of a report published with `policy`.
    public mutating func add(_ record: Record, policy: PolicyPublished) {
        let key = Key(source: record.sourceIP, headerFrom: record.identifiers.headerFrom.lowercased(),
                      diagnosis: Diagnosis(record: record, policy: policy))
        totals[key, default: MessageTotals()].add(record)
        var domains = authenticatedAs[record.sourceIP] ?? []
        for result in record.authResults.dkim where result.result == .pass {
            domains.insert("d=" + OrganisationalDomain.normalised(result.domain))
        }
        for result in record.authResults.spf where result.result == .pass {
            domains.insert((result.scope?.lowercased() == "helo" ? "helo=" : "mfrom=")
                           + OrganisationalDomain.normalised(result.domain))
        }
        authenticatedAs[record.sourceIP] = domains
    }

    public mutating func add(_ other: AuditTally) {
        for (key, value) in other.totals { totals[key, default: MessageTotals()].add(value) }
        for (source, domains) in other.authenticatedAs { authenticatedAs[source, default: []].formUnion(domains) }
    }
}
