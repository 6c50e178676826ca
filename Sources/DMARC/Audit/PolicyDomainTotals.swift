/// One policy domain's mail across reports: what an admin checks before tightening its policy.
public struct PolicyDomainTotals: Sendable, Hashable {
    /// Messages, DMARC pass/fail, and aligned SPF and DKIM passes (`MessageTotals.spfPass`, `dkimPass`).
    public private(set) var totals = MessageTotals()
    /// The published `p=` values reports showed (`-` when a report left it out).
    public private(set) var policies: Set<String> = []
    /// The published `sp=` values, likewise.
    public private(set) var subdomainPolicies: Set<String> = []
    /// The published `np=` values (RFC 9990: for subdomains that do not exist), likewise.
    public private(set) var nonexistentSubdomainPolicies: Set<String> = []
    /// The published `pct=` values, as decimal text, likewise.
    public private(set) var percentages: Set<String> = []
    /// The published `t=` values (RFC 9990's test mode, which replaces `pct`: `y` applies no policy), in lower
    /// case, likewise.
    public private(set) var testing: Set<String> = []

    /// Nothing counted yet.
    public init() {}

    /// Counts a record's `totals`, of a report published with `policy` (its words: `PolicyWords`).
    mutating func add(_ totals: MessageTotals, policy: PolicyWords) {
        self.totals.add(totals)
        Self.note(policy.p, in: &policies)
        Self.note(policy.sp, in: &subdomainPolicies)
        Self.note(policy.np, in: &nonexistentSubdomainPolicies)
        Self.note(policy.pct, in: &percentages)
        Self.note(policy.testing, in: &testing)
    }

    /// Adds `word` to `words`. Consecutive records share their report's policy: compared before hashing.
    private static func note(_ word: String, in words: inout Set<String>) {
        if words.count != 1 || words.first != word { words.insert(word) }
    }

    /// Adds the same domain's totals counted elsewhere.
    public mutating func merge(_ other: PolicyDomainTotals) {
        totals.add(other.totals)
        policies.formUnion(other.policies)
        subdomainPolicies.formUnion(other.subdomainPolicies)
        nonexistentSubdomainPolicies.formUnion(other.nonexistentSubdomainPolicies)
        percentages.formUnion(other.percentages)
        testing.formUnion(other.testing)
    }
}

/// The published `p=`, `sp=`, `np=`, `pct=` and `t=` of a report as `PolicyDomainTotals` lists them (`-` when left
/// out).
struct PolicyWords: Sendable, Equatable {
    var p: String, sp: String, np: String, pct: String, testing: String

    init(_ policy: PolicyPublished) {
        p = policy.p?.word ?? "-"
        sp = policy.sp?.word ?? "-"
        np = policy.np?.word ?? "-"
        pct = policy.pct.map(String.init) ?? "-"
        testing = policy.testing.map { $0.lowercased() } ?? "-"
    }
}
