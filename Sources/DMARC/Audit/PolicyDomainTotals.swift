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
        // Consecutive records share their report's policy: compare before hashing.
        let (p, sp, np, pct) = (policy.p, policy.sp, policy.np, policy.pct)
        if policies.count != 1 || policies.first != p { policies.insert(p) }
        if subdomainPolicies.count != 1 || subdomainPolicies.first != sp { subdomainPolicies.insert(sp) }
        if nonexistentSubdomainPolicies.count != 1 || nonexistentSubdomainPolicies.first != np {
            nonexistentSubdomainPolicies.insert(np)
        }
        if percentages.count != 1 || percentages.first != pct { percentages.insert(pct) }
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
