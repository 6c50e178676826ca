extension Diagnosis {
    /// Diagnoses one record from its own data: `policy_evaluated`, the override reasons, and `auth_results`
    /// judged against `header_from` with the policy's `adkim` and `aspf`.
    ///
    /// A record failing everything is diagnosed as `spfFailsForDomain`, `noDKIMSignature` or `likelySpoofing`
    /// here; `SenderAudit` decides by the source (steady, a known service, authenticating as the domain) whether it
    /// is a sender of the domain's with a gap or one of the unknown sources.
    public init(record: Record, policy: PolicyPublished) {
        self.init(record: record, policy: policy, outcome: record.dmarcOutcome(under: policy))
    }

    /// Diagnoses one record whose DMARC result (`DMARCOutcome`) is worked out already.
    public init(record: Record, policy: PolicyPublished, outcome: DMARCOutcome) {
        let headerFrom = record.identifiers.headerFrom
        let evaluated = record.policyEvaluated
        if outcome.passes {
            self = .aligned
            return
        }
        let forwardingReasons: Set<PolicyOverride> = [.forwarded, .mailingList, .trustedForwarder]
        if evaluated.reasons.contains(where: { forwardingReasons.contains($0.type) }) {
            self = .forwarded
            return
        }
        let dkim = record.authResults.dkim
        let spf = record.authResults.spf
        func alignedDKIM(_ result: DKIMAuthResult) -> Bool {
            OrganisationalDomain.isAligned(result.domain, with: headerFrom, mode: policy.adkim)
        }
        func alignedSPF(_ result: SPFAuthResult) -> Bool {
            OrganisationalDomain.isAligned(result.domain, with: headerFrom, mode: policy.aspf)
        }
        if dkim.contains(where: { alignedDKIM($0) && $0.result != .pass && $0.result != .none }) {
            self = .forwarded  // the domain's own signature broke on the way (a footer, a rewritten subject)
        } else if dkim.contains(where: { $0.result == .pass && !alignedDKIM($0) }) {
            self = .dkimNotAligned
        } else if spf.contains(where: { $0.result == .pass && !alignedSPF($0) }) {
            self = .spfNotAligned
        } else if spf.contains(where: { alignedSPF($0) && ($0.result == .fail || $0.result == .softfail) }) {
            self = .spfFailsForDomain
        } else if dkim.isEmpty {
            self = .noDKIMSignature
        } else {
            self = .likelySpoofing
        }
    }
}
