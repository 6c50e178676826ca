/// What the audit views keep while reading: totals per source, `header_from` domain and diagnosis, the domains each
/// source authenticated as and the days it was seen on, totals per policy domain and per DKIM key. It grows with
/// distinct sources, domains and keys, never with records.
///
/// Fed record by record with the report's header (`add(_:in:)`), one tally per thread, then merged (`merge(_:)`).
public struct AuditTally: Sendable {
    struct Key: Hashable, Sendable {
        var source: SourceIP
        var headerFrom: String
        var diagnosis: Diagnosis
    }

    var totals: [Key: MessageTotals] = [:]
    /// Per source: `d=DOMAIN` for each DKIM pass, `mfrom=DOMAIN` (or `helo=`) for each SPF pass.
    var authenticatedAs: [SourceIP: Set<String>] = [:]
    /// Per source: the UTC days (of the report periods' beginnings) it was seen on, at most
    /// `SteadySourceRule.dayCap` of them (enough to tell a steady source).
    var daysSeen: [SourceIP: Set<Int64>] = [:]
    /// Per policy domain (lower case).
    public private(set) var policyDomains: [String: PolicyDomainTotals] = [:]
    /// Per DKIM signing domain and selector.
    public private(set) var dkimKeys: [DKIMKey: DKIMKeyTotals] = [:]
    /// The policy domain of the last record as written and as a key: records come a report at a time.
    private var lastPolicyDomain: (written: String, key: String) = ("", "")

    /// Nothing counted yet.
    public init() {}

    /// Counts one record of a report with `header`.
    public mutating func add(_ record: Record, in header: ReportHeader) {
        let policy = header.policy
        let outcome = record.dmarcOutcome(under: policy)
        let headerFrom = OrganisationalDomain.normalised(record.identifiers.headerFrom)
        let key = Key(source: record.sourceIP, headerFrom: headerFrom,
                      diagnosis: Diagnosis(record: record, policy: policy, outcome: outcome))
        totals[key, default: MessageTotals()].add(record, outcome: outcome)
        // Mutated in place: a copy of the set per record would cost more than the rest of the tally.
        for result in record.authResults.dkim where result.result == .pass {
            authenticatedAs[record.sourceIP, default: []].insert("d=" + OrganisationalDomain.normalised(result.domain))
        }
        for result in record.authResults.spf where result.result == .pass {
            authenticatedAs[record.sourceIP, default: []].insert(
                (result.scope?.lowercased() == "helo" ? "helo=" : "mfrom=") + OrganisationalDomain.normalised(result.domain))
        }
        let day = header.metadata.dateRange.begin / 86_400
        if daysSeen[record.sourceIP, default: []].count < SteadySourceRule.dayCap {
            daysSeen[record.sourceIP, default: []].insert(day)
        }
        if lastPolicyDomain.written != policy.domain {
            lastPolicyDomain = (policy.domain, OrganisationalDomain.normalised(policy.domain))
        }
        policyDomains[lastPolicyDomain.key, default: PolicyDomainTotals()].add(record, outcome: outcome, policy: policy)
        for signature in record.authResults.dkim {
            dkimKeys[DKIMKey(signature), default: DKIMKeyTotals()].add(signature, of: record, headerFrom: headerFrom)
        }
    }

    /// Adds what another tally counted (another report, or another thread's reports).
    public mutating func merge(_ other: AuditTally) {
        for (key, value) in other.totals { totals[key, default: MessageTotals()].add(value) }
        for (source, domains) in other.authenticatedAs { authenticatedAs[source, default: []].formUnion(domains) }
        for (source, days) in other.daysSeen {
            var merged = daysSeen[source, default: []].union(days)
            while merged.count > SteadySourceRule.dayCap { merged.remove(merged.max()!) }
            daysSeen[source] = merged
        }
        for (domain, value) in other.policyDomains { policyDomains[domain, default: PolicyDomainTotals()].merge(value) }
        for (key, value) in other.dkimKeys { dkimKeys[key, default: DKIMKeyTotals()].merge(value) }
    }

    /// Distinct days a source was seen on, up to `SteadySourceRule.dayCap`.
    func days(of source: SourceIP) -> Int { daysSeen[source]?.count ?? 0 }
}
