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

    /// Nothing counted yet.
    public init() {}

    /// Counts a record's `totals`, of a report published with `policy` (its words: `PolicyWords`).
    mutating func add(_ totals: MessageTotals, policy: PolicyWords) {
        self.totals.add(totals)
        Self.note(policy.p, in: &policies)
        Self.note(policy.sp, in: &subdomainPolicies)
        Self.note(policy.np, in: &nonexistentSubdomainPolicies)
        Self.note(policy.pct, in: &percentages)
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
    }
}

/// The published `p=`, `sp=`, `np=` and `pct=` of a report as `PolicyDomainTotals` lists them (`-` when left out).
struct PolicyWords: Sendable, Equatable {
    var p: String, sp: String, np: String, pct: String

    init(_ policy: PolicyPublished) {
        p = policy.p?.word ?? "-"
        sp = policy.sp?.word ?? "-"
        np = policy.np?.word ?? "-"
        pct = policy.pct.map(String.init) ?? "-"
    }
}
