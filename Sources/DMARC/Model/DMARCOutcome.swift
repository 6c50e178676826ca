/// A record's DMARC result under the one rule every view uses (totals, `-s`, the reporters view, the export and the
/// audit).
///
/// The rule: when `policy_evaluated` has both its `<dkim>` and its `<spf>` result, they are the receiver's word and
/// are used as written. When it lacks either (old AOL reports and others leave them out), the missing one is derived
/// from `auth_results`: DKIM passes when a signature that passed is aligned with `header_from` under the policy's
/// `adkim`, SPF passes when the SPF check that passed is aligned under `aspf` (relaxed when the policy does not say,
/// by the organisational domain of the Public Suffix List). The SPF identity is the MAIL FROM domain; a `helo` result
/// stands in only when the record has no `mfrom` one (RFC 7208 section 2.4: HELO is checked when MAIL FROM is empty).
/// A result `policy_evaluated` does give is kept even then.
public struct DMARCOutcome: Sendable, Hashable {
    /// Whether aligned DKIM passed.
    public var dkimPasses: Bool
    /// Whether aligned SPF passed.
    public var spfPasses: Bool
    /// Where the result came from.
    public var source: Source

    /// DMARC passes when aligned DKIM or aligned SPF passed.
    public var passes: Bool { dkimPasses || spfPasses }

    /// How a record's result was obtained: the `dmarc_result_source` column of the export.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// `policy_evaluated` had both results.
        case policyEvaluated = "policy_evaluated"
        /// `policy_evaluated` lacked `<dkim>` or `<spf>`: the missing result was derived from `auth_results`.
        case authResults = "auth_results"
    }

    /// An outcome as given (`Record.dmarcOutcome(under:)` works one out).
    public init(dkimPasses: Bool, spfPasses: Bool, source: Source) {
        self.dkimPasses = dkimPasses
        self.spfPasses = spfPasses
        self.source = source
    }
}

extension Record {
    /// The DMARC result of this record in a report published with `policy` (see `DMARCOutcome` for the rule).
    public func dmarcOutcome(under policy: PolicyPublished) -> DMARCOutcome {
        dmarcOutcome(adkim: policy.adkim, aspf: policy.aspf)
    }

    /// The DMARC result with the given alignment modes (nil: relaxed, the DMARC default).
    public func dmarcOutcome(adkim: Alignment?, aspf: Alignment?) -> DMARCOutcome {
        let evaluated = policyEvaluated
        if let dkim = evaluated.dkim, let spf = evaluated.spf {
            return DMARCOutcome(dkimPasses: dkim == .pass, spfPasses: spf == .pass, source: .policyEvaluated)
        }
        let headerFrom = identifiers.headerFrom
        let dkimPasses = evaluated.dkim.map { $0 == .pass } ?? authResults.dkim.contains {
            $0.result == .pass && OrganisationalDomain.isAligned($0.domain, with: headerFrom, mode: adkim)
        }
        let spfPasses = evaluated.spf.map { $0 == .pass } ?? spfIdentityResults.contains {
            $0.result == .pass && OrganisationalDomain.isAligned($0.domain, with: headerFrom, mode: aspf)
        }
        return DMARCOutcome(dkimPasses: dkimPasses, spfPasses: spfPasses, source: .authResults)
    }

    /// True when DMARC failed in a report published with `policy`.
    public func failsDMARC(under policy: PolicyPublished) -> Bool {
        !dmarcOutcome(under: policy).passes
    }

    /// True when DMARC failed, judged with relaxed alignment where the result must be derived (see `DMARCOutcome`);
    /// with the report at hand, `failsDMARC(under:)` applies its policy's `adkim` and `aspf`.
    public var failsDMARC: Bool { !dmarcOutcome(adkim: nil, aspf: nil).passes }

    /// The SPF results that speak for the DMARC identity: the `mfrom` ones (or those without a scope), else `helo`.
    private var spfIdentityResults: [SPFAuthResult] {
        let mailFrom = authResults.spf.filter { $0.scope?.lowercased() != "helo" }
        return mailFrom.isEmpty ? authResults.spf : mailFrom
    }
}
