/// What the audit views keep while reading: totals per source, `header_from` domain and diagnosis, the domains each
/// source authenticated as and the days it was seen on, totals per policy domain and per DKIM key. It grows with
/// distinct sources, domains and keys, never with records.
///
/// Fed record by record with the report's header (`add(_:in:)`), one tally per report, then merged (`merge(_:)`).
/// Sources are rows of a table keyed by the binary address (`SourceIndex`), domains small ids into a name table:
/// a busy domain's folder has tens of thousands of sources, and string-keyed sets per source cost more memory and
/// time than parsing the reports (issue 17).
public struct AuditTally: Sendable {
    /// One source: what it authenticated as and the days it was seen on.
    struct Row: Sendable {
        /// Tokens (`token(_:kind:)`): `d=DOMAIN` for each DKIM pass, `mfrom=DOMAIN` (or `helo=`) for each SPF pass.
        var authenticatedAs = IDSet()
        /// The UTC days (of the report periods' beginnings) it was seen on, at most `SteadySourceRule.dayCap` of
        /// them (enough to tell a steady source).
        var days = DaySet()
    }

    struct Key: Hashable, Sendable {
        /// Index into `sources` and `rows`.
        var row: UInt32
        /// Id into `names`.
        var headerFrom: UInt32
        var diagnosis: Diagnosis
    }

    /// A token's kind, in the order of the tokens' text (`d=` < `helo=` < `mfrom=`).
    enum TokenKind: UInt32, CaseIterable {
        case dkim = 0, helo = 1, mailFrom = 2
        var prefix: String {
            switch self {
            case .dkim: "d="
            case .helo: "helo="
            case .mailFrom: "mfrom="
            }
        }
    }

    var sources = SourceIndex()
    var rows: [Row] = []
    /// Lower-cased domains: `header_from` and authenticated ones.
    var names = NameTable()
    var totals: [Key: MessageTotals] = [:]
    /// Per policy domain (lower case).
    public private(set) var policyDomains: [String: PolicyDomainTotals] = [:]
    /// Per DKIM signing domain and selector.
    public private(set) var dkimKeys: [DKIMKey: DKIMKeyTotals] = [:]
    /// The policy domain of the last record as written and as a key: records come a report at a time.
    private var lastPolicyDomain: (written: String, key: String) = ("", "")
    /// The last `header_from` as written, lower-cased, and its id: a report's records nearly always name one.
    private var lastHeaderFrom: (written: String, normalised: String, id: UInt32)?

    /// Nothing counted yet.
    public init() {}

    static func token(_ name: UInt32, kind: TokenKind) -> UInt32 { name << 2 | kind.rawValue }
    /// A token's text, `d=example.com`.
    func text(ofToken token: UInt32) -> String {
        TokenKind(rawValue: token & 3)!.prefix + names.names[Int(token >> 2)]
    }
    /// A token's domain.
    func domain(ofToken token: UInt32) -> UInt32 { token >> 2 }

    /// Counts one record of a report with `header`.
    public mutating func add(_ record: Record, in header: ReportHeader) {
        let policy = header.policy
        let outcome = record.dmarcOutcome(under: policy)
        let written = record.identifiers.headerFrom
        let headerFrom: String, headerFromID: UInt32
        if let last = lastHeaderFrom, last.written == written {
            (headerFrom, headerFromID) = (last.normalised, last.id)
        } else {
            headerFrom = OrganisationalDomain.normalised(written)
            headerFromID = names.id(of: headerFrom)
            lastHeaderFrom = (written, headerFrom, headerFromID)
        }
        let row = sources.index(of: record.sourceIP)
        if row == rows.count { rows.append(Row()) }
        let key = Key(row: UInt32(row), headerFrom: headerFromID,
                      diagnosis: Diagnosis(record: record, policy: policy, outcome: outcome))
        totals[key, default: MessageTotals()].add(record, outcome: outcome)
        for result in record.authResults.dkim where result.result == .pass {
            let name = names.id(of: OrganisationalDomain.normalised(result.domain))
            rows[row].authenticatedAs.insert(Self.token(name, kind: .dkim))
        }
        for result in record.authResults.spf where result.result == .pass {
            let name = names.id(of: OrganisationalDomain.normalised(result.domain))
            rows[row].authenticatedAs.insert(
                Self.token(name, kind: result.scope?.lowercased() == "helo" ? .helo : .mailFrom))
        }
        rows[row].days.insert(header.metadata.dateRange.begin / 86_400)
        if lastPolicyDomain.written != policy.domain {
            lastPolicyDomain = (policy.domain, OrganisationalDomain.normalised(policy.domain))
        }
        policyDomains[lastPolicyDomain.key, default: PolicyDomainTotals()].add(record, outcome: outcome, policy: policy)
        for signature in record.authResults.dkim {
            dkimKeys[DKIMKey(signature), default: DKIMKeyTotals()].add(signature, of: record, headerFrom: headerFrom)
        }
    }

    /// Adds what another tally counted (another report, or another thread's reports): its ids remapped to ours.
    public mutating func merge(_ other: AuditTally) {
        if rows.isEmpty && policyDomains.isEmpty && dkimKeys.isEmpty {
            self = other
            lastHeaderFrom = nil
            return
        }
        let nameMap = other.names.names.map { names.id(of: $0) }
        func remap(_ token: UInt32) -> UInt32 { nameMap[Int(token >> 2)] << 2 | token & 3 }
        var rowMap = [UInt32](repeating: 0, count: other.rows.count)
        for (index, otherRow) in other.rows.enumerated() {
            let row = sources.index(of: other.sources.sources[index])
            if row == rows.count { rows.append(Row()) }
            rowMap[index] = UInt32(row)
            otherRow.authenticatedAs.forEach { rows[row].authenticatedAs.insert(remap($0)) }
            rows[row].days.merge(otherRow.days)
        }
        for (key, value) in other.totals {
            let mapped = Key(row: rowMap[Int(key.row)], headerFrom: nameMap[Int(key.headerFrom)], diagnosis: key.diagnosis)
            totals[mapped, default: MessageTotals()].add(value)
        }
        for (domain, value) in other.policyDomains { policyDomains[domain, default: PolicyDomainTotals()].merge(value) }
        for (key, value) in other.dkimKeys { dkimKeys[key, default: DKIMKeyTotals()].merge(value) }
    }

    /// Distinct days the source of `row` was seen on, up to `SteadySourceRule.dayCap`.
    func days(ofRow row: Int) -> Int { rows[row].days.count }
}

/// The distinct days a source was seen on, at most `SteadySourceRule.dayCap`: nearly always one (a source in one
/// report), held inline.
struct DaySet: Sendable {
    private var first = Int64.min
    private var more: [Int64] = []

    var count: Int { first == .min ? 0 : 1 + more.count }

    /// Adds `day` while fewer than the cap are held.
    mutating func insert(_ day: Int64) {
        if first == day { return }
        if first == .min {
            first = day
        } else if count < SteadySourceRule.dayCap && !more.contains(day) {
            more.append(day)
        }
    }

    /// The union with `other`, the smallest days kept when more than the cap.
    mutating func merge(_ other: DaySet) {
        guard other.count > 0 else { return }
        if other.count == 1 {  // the common case: one report's day
            let day = other.first
            if first == day || more.contains(day) { return }
            if count < SteadySourceRule.dayCap { insert(day); return }
        }
        var all = Set([first] + more).union([other.first] + other.more)
        all.remove(.min)
        guard all.count != count else { return }
        let kept = all.sorted().prefix(SteadySourceRule.dayCap)
        first = kept.first!
        more = Array(kept.dropFirst())
    }
}
