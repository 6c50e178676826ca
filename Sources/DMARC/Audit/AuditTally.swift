/// What the audit views keep while reading: totals per source, `header_from` domain and diagnosis, the domains each
/// source authenticated as and the days it was seen on, totals per policy domain and per DKIM key. It grows with
/// distinct sources, domains and keys, never with records.
///
/// Fed record by record with the report's header (`add(_:in:)`; or tentatively, a report at a time, by
/// `ReportSummarizer`: `addTentatively`, then `commitTentative` or `discardTentative`), one tally per thread, then
/// merged (`merge(_:)`).
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
        /// As the record alone says (`Diagnosis(record:outcome:…)`); `diagnosis(of:)` settles it.
        var diagnosis: Diagnosis
        /// The DKIM key (index into `keys`) of the domain's own signature that failed, when that signature decides
        /// between `forwarded` and `dkimFailsForDomain`; `noKey` otherwise.
        var failingKey = AuditTally.noKey
    }

    /// No DKIM key (`Key.failingKey`).
    static let noKey = UInt32.max

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
    /// By source index; a source of a report that did not count has an empty row (no days).
    var rows: [Row] = []
    /// Lower-cased domains: `header_from` and authenticated ones.
    var names = DomainNames()
    var totals: [Key: MessageTotals] = [:]
    /// Lower-cased policy domains, and their totals by id (nil until a record of theirs counts).
    var policyDomainNames = DomainNames()
    var policyDomainTotals: [PolicyDomainTotals?] = []
    /// DKIM keys: index by `keyIndex(domain:selector:)`, the selectors as written, the counts by index (nil until
    /// a record signed by the key counts).
    var selectors = NameTable()
    var keyIndices: [UInt64: UInt32] = [:]
    var keys: [(domain: UInt32, selector: UInt32)] = []
    var keyCounts: [DKIMKeyCounts?] = []
    /// By key and source (`keySource(_:row:)`): the last days its signatures failed from there.
    var keyFailures: [UInt64: FailureDays] = [:]
    /// The records of the report being read (`addTentatively`).
    private var pending = PendingAudit()
    /// The last `header_from` as written and its id: a report's records nearly always name one.
    private var lastHeaderFrom: (written: String, id: UInt32)?

    /// Nothing counted yet.
    public init() {}

    static func token(_ name: UInt32, kind: TokenKind) -> UInt32 { name << 2 | kind.rawValue }
    /// A token's text, `d=example.com`.
    func text(ofToken token: UInt32) -> String {
        TokenKind(rawValue: token & 3)!.prefix + names.names[Int(token >> 2)]
    }
    /// A token's domain.
    func domain(ofToken token: UInt32) -> UInt32 { token >> 2 }

    /// The DNS name of the DKIM key at `index` of `keys`: `selector._domainkey.domain`.
    func keyName(_ index: Int) -> String {
        "\(selectors.names[Int(keys[index].selector)])._domainkey.\(names.names[Int(keys[index].domain)])"
    }

    /// Per policy domain (lower case).
    public var policyDomains: [String: PolicyDomainTotals] {
        var result: [String: PolicyDomainTotals] = [:]
        for (id, totals) in policyDomainTotals.enumerated() {
            if let totals { result[policyDomainNames.names[id]] = totals }
        }
        return result
    }

    /// Per DKIM signing domain and selector.
    public var dkimKeys: [DKIMKey: DKIMKeyTotals] {
        var result: [DKIMKey: DKIMKeyTotals] = [:]
        for (index, counts) in keyCounts.enumerated() {
            guard let counts else { continue }
            var headerFromDomains = Set<String>()
            counts.headerFromDomains.forEach { headerFromDomains.insert(names.names[Int($0)]) }
            let key = DKIMKey(domain: names.names[Int(keys[index].domain)],
                              selector: selectors.names[Int(keys[index].selector)])
            result[key] = DKIMKeyTotals(counts, headerFromDomains: headerFromDomains)
        }
        return result
    }

    /// Counts one record of a report with `header`.
    public mutating func add(_ record: Record, in header: ReportHeader) {
        addTentatively(record, in: header)
        commitTentative()
    }

    /// Adds one record of the report being read, counted only when `commitTentative()` follows (forgotten by
    /// `discardTentative()`). Its domains, key and source get their ids now, its counts wait.
    mutating func addTentatively(_ record: Record, in header: ReportHeader) {
        let policy = header.policy
        let outcome = record.dmarcOutcome(under: policy)
        let written = record.identifiers.headerFrom
        let headerFrom: UInt32
        if let last = lastHeaderFrom, last.written == written {
            headerFrom = last.id
        } else {
            headerFrom = names.id(ofWritten: written)
            lastHeaderFrom = (written, headerFrom)
        }
        let row = sources.index(of: record.sourceIP)
        if row == rows.count { rows.append(Row()) }
        // Each authenticated domain's id once: for the tokens, the DKIM keys and the alignment.
        let dkim = record.authResults.dkim, spf = record.authResults.spf
        var dkimIDs = InlineIDs(), spfIDs = InlineIDs(), keyIDs = InlineIDs()
        for index in dkim.indices {
            let domain = names.id(ofWritten: dkim[index].domain)
            dkimIDs.append(domain)
            if dkim[index].result == .pass { pending.addToken(Self.token(domain, kind: .dkim)) }
            let key = keyIndex(domain: domain, selector: selectors.id(of: dkim[index].selector ?? ""))
            keyIDs.append(key)
            let result = dkim[index].result
            pending.addSignature(PendingAudit.Signature(key: key, outcome: DKIMKeyCounts.Outcome(result),
                                                        failed: result == .fail || result == .permerror))
        }
        for index in spf.indices {
            let domain = names.id(ofWritten: spf[index].domain)
            spfIDs.append(domain)
            if spf[index].result == .pass {
                pending.addToken(Self.token(domain, kind: Self.isHELO(spf[index].scope) ? .helo : .mailFrom))
            }
        }
        // Alignment by ids: the same answers as `OrganisationalDomain.isAligned` on the texts.
        func isAligned(_ authenticated: String, _ id: UInt32, mode: Alignment?) -> Bool {
            guard !authenticated.isEmpty, !written.isEmpty else { return false }
            if mode == .strict { return id == headerFrom }
            return names.organisationalID(of: id) == names.organisationalID(of: headerFrom)
        }
        var failingSignature: Int?
        var diagnosis = Diagnosis(
            record: record, outcome: outcome,
            dkimAligned: { isAligned(dkim[$0].domain, dkimIDs[$0], mode: policy.adkim) },
            spfAligned: { isAligned(spf[$0].domain, spfIDs[$0], mode: policy.aspf) },
            dkimRelaxed: { isAligned(dkim[$0].domain, dkimIDs[$0], mode: .relaxed) },
            spfRelaxed: { isAligned(spf[$0].domain, spfIDs[$0], mode: .relaxed) },
            spfIsDirectSender: { names.isDirectSender(spfIDs[$0]) },
            failingSignature: &failingSignature)
        var counts = MessageTotals()
        counts.add(record, outcome: outcome)
        if pending.policy == nil {  // the first record of the report
            pending.setPolicy(policy, domain: policyDomainNames.id(ofWritten: policy.domain))
        }
        var failingKey = Self.noKey
        if let index = failingSignature {
            if (dkim[index].selector ?? "").isEmpty {
                // No key to test (Mail.Ru leaves the selector out): broken on the way, unless the verifier found no
                // key at all. Not the record's "straight from a sending service" rule: a list or forwarder relaying
                // through an ESP breaks the signature there too, and the reports with selectors find a stale key.
                diagnosis = dkim[index].result == .permerror ? .dkimFailsForDomain : .forwarded
            } else {
                failingKey = keyIDs[index]
            }
        }
        let key = Key(row: UInt32(row), headerFrom: headerFrom, diagnosis: diagnosis, failingKey: failingKey)
        pending.addEntry(key: key, totals: counts,
                         day: header.metadata.dateRange.begin / 86_400)
    }

    /// Counts the records added since the last commit or discard: their report counts.
    mutating func commitTentative() {
        guard let policy = pending.policy else { return }
        var reportTotals = MessageTotals()
        var tokenStart = 0, signatureStart = 0
        for entry in pending.entries {
            let row = Int(entry.key.row)
            totals[entry.key, default: MessageTotals()].add(entry.totals)
            reportTotals.add(entry.totals)
            for index in tokenStart..<Int(entry.tokenEnd) { rows[row].authenticatedAs.insert(pending.tokens[index]) }
            rows[row].days.insert(entry.day)
            for index in signatureStart..<Int(entry.signatureEnd) {
                let signature = pending.signatures[index]
                let key = Int(signature.key)
                if keyCounts[key] == nil { keyCounts[key] = DKIMKeyCounts() }
                keyCounts[key]!.add(signature.outcome, count: entry.totals.messages, headerFrom: entry.key.headerFrom,
                                    day: entry.day)
                if signature.failed {
                    let keySource = Self.keySource(signature.key, row: entry.key.row)
                    keyFailures[keySource, default: FailureDays()].add(entry.day)
                }
            }
            tokenStart = Int(entry.tokenEnd)
            signatureStart = Int(entry.signatureEnd)
        }
        addPolicyDomain(policy.domain) { $0.add(reportTotals, policy: policy.words) }
        pending.removeAll()
    }

    /// Changes the totals of the policy domain `domain` (an id of `policyDomainNames`), made when missing.
    private mutating func addPolicyDomain(_ domain: UInt32, _ change: (inout PolicyDomainTotals) -> Void) {
        let index = Int(domain)
        if index >= policyDomainTotals.count {
            policyDomainTotals += repeatElement(nil, count: index + 1 - policyDomainTotals.count)
        }
        var totals = policyDomainTotals[index].take() ?? PolicyDomainTotals()
        change(&totals)
        policyDomainTotals[index] = totals
    }

    /// Forgets the records added since the last commit or discard: their report does not count.
    mutating func discardTentative() {
        pending.removeAll()
    }

    /// The index of the DKIM key of `domain` (an id of `names`) and `selector` (an id of `selectors`).
    private mutating func keyIndex(domain: UInt32, selector: UInt32) -> UInt32 {
        let packed = UInt64(domain) << 32 | UInt64(selector)
        if let index = keyIndices[packed] { return index }
        let index = UInt32(keys.count)
        keys.append((domain, selector))
        keyCounts.append(nil)
        keyIndices[packed] = index
        return index
    }

    /// A key (index into `keys`) and a source (row) as one dictionary key.
    static func keySource(_ key: UInt32, row: UInt32) -> UInt64 { UInt64(key) << 32 | UInt64(row) }

    /// Whether an SPF scope is `helo`, in any case (lower-cased only when it has the length of one).
    private static func isHELO(_ scope: String?) -> Bool {
        guard let scope, scope.utf8.count == 4 else { return false }
        return scope.lowercased() == "helo"
    }

    /// Adds what another tally counted (another thread's reports): its ids remapped to ours. Its records not
    /// committed yet are left out.
    public mutating func merge(_ other: AuditTally) {
        guard !other.totals.isEmpty else { return }  // every record that counts has totals
        if totals.isEmpty && pending.isEmpty {
            self = other
            pending = PendingAudit()
            lastHeaderFrom = nil
            return
        }
        let nameMap = other.names.names.map { names.id(ofNormalised: $0) }
        func remap(_ token: UInt32) -> UInt32 { nameMap[Int(token >> 2)] << 2 | token & 3 }
        var rowMap = [UInt32](repeating: .max, count: other.rows.count)
        for (index, otherRow) in other.rows.enumerated() where otherRow.days.count > 0 {
            let row = sources.index(of: other.sources.sources[index])
            if row == rows.count { rows.append(Row()) }
            rowMap[index] = UInt32(row)
            otherRow.authenticatedAs.forEach { rows[row].authenticatedAs.insert(remap($0)) }
            rows[row].days.merge(otherRow.days)
        }
        // Keys first: the totals' keys name them.
        var keyMap = [UInt32](repeating: Self.noKey, count: other.keys.count)
        for (index, value) in other.keyCounts.enumerated() {
            guard let value else { continue }
            let (domain, selector) = other.keys[index]
            let key = keyIndex(domain: nameMap[Int(domain)],
                               selector: selectors.id(of: other.selectors.names[Int(selector)]))
            keyMap[index] = key
            if keyCounts[Int(key)] == nil { keyCounts[Int(key)] = DKIMKeyCounts() }
            keyCounts[Int(key)]!.merge(value) { nameMap[Int($0)] }
        }
        for (keySource, days) in other.keyFailures {
            let mapped = Self.keySource(keyMap[Int(keySource >> 32)], row: rowMap[Int(keySource & 0xFFFF_FFFF)])
            keyFailures[mapped, default: FailureDays()].merge(days)
        }
        for (key, value) in other.totals {
            let mapped = Key(row: rowMap[Int(key.row)], headerFrom: nameMap[Int(key.headerFrom)],
                             diagnosis: key.diagnosis,
                             failingKey: key.failingKey == Self.noKey ? Self.noKey : keyMap[Int(key.failingKey)])
            totals[mapped, default: MessageTotals()].add(value)
        }
        for (id, value) in other.policyDomainTotals.enumerated() {
            guard let value else { continue }
            addPolicyDomain(policyDomainNames.id(ofNormalised: other.policyDomainNames.names[id])) { $0.merge(value) }
        }
    }

    /// The diagnosis of `key`'s records, now that every record is counted, `retired` being `retiredKeys()`. Where
    /// the domain's own signature failed and the report names its selector, the key decides rather than the record:
    /// a key that passes (from any source, at any receiver) is published and right, so the signature broke on the
    /// way (`forwarded`: a list's footer, a forwarder relaying through an ESP); one that never passes is missing
    /// from DNS or stale (`dkimFailsForDomain`: a server still signing with a retired key fails on every message,
    /// every day), and so is one that stopped passing (`retired`).
    func diagnosis(of key: Key, retired: Set<UInt32> = []) -> Diagnosis {
        guard key.failingKey != Self.noKey else { return key.diagnosis }
        let passes = (keyCounts[Int(key.failingKey)]?.pass ?? 0) > 0
        return passes && !retired.contains(key.failingKey) ? .forwarded : .dkimFailsForDomain
    }

    /// The keys that stopped verifying: a source that passes DKIM for the key's domain (`d=` among what it
    /// authenticated as) failed with the key (`fail`, `permerror`) on two days after the key last passed anywhere.
    /// Forwarders break a key from their own addresses while it keeps passing from the signer's; a key removed from
    /// DNS (or replaced) fails from the very servers it passed from, every day since. Two days, not one: a report
    /// period may end before the signer's next pass.
    func retiredKeys() -> Set<UInt32> {
        var retired = Set<UInt32>()
        for (keySource, days) in keyFailures {
            let key = UInt32(keySource >> 32), row = Int(keySource & 0xFFFF_FFFF)
            guard !retired.contains(key), let counts = keyCounts[Int(key)], counts.lastPassDay != .min,
                  days.twoDays(after: counts.lastPassDay),
                  rows[row].authenticatedAs.contains(Self.token(keys[Int(key)].domain, kind: .dkim)) else { continue }
            retired.insert(key)
        }
        return retired
    }

    /// Whether the source of `row` was counted (a source of a report that did not count has a row, empty).
    func isCounted(row: Int) -> Bool { rows[row].days.count > 0 }

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

/// The domain ids of one record's DKIM or SPF results: nearly always one or two, held inline.
private struct InlineIDs {
    private var first: UInt32 = 0, second: UInt32 = 0
    private var more: [UInt32] = []
    private var count = 0

    mutating func append(_ id: UInt32) {
        switch count {
        case 0: first = id
        case 1: second = id
        default: more.append(id)
        }
        count += 1
    }

    subscript(index: Int) -> UInt32 {
        switch index {
        case 0: first
        case 1: second
        default: more[index - 2]
        }
    }
}
