extension Diagnosis {
    /// Diagnoses one record from its own data: `policy_evaluated`, the override reasons, and `auth_results`
    /// judged against `header_from` with the policy's `adkim` and `aspf`.
    ///
    /// A record failing everything is diagnosed as `spfFailsForDomain`, `spfErrorForDomain`, `noDKIMSignature` or
    /// `likelySpoofing` here; `SenderAudit` decides by the source (steady, a known service, authenticating as the
    /// domain) whether it is a sender of the domain's with a gap or one of the unknown sources.
    public init(record: Record, policy: PolicyPublished) {
        self.init(record: record, policy: policy, outcome: record.dmarcOutcome(under: policy))
    }

    /// Diagnoses one record whose DMARC result (`DMARCOutcome`) is worked out already.
    public init(record: Record, policy: PolicyPublished, outcome: DMARCOutcome) {
        let headerFrom = record.identifiers.headerFrom
        let dkim = record.authResults.dkim, spf = record.authResults.spf
        var failingSignature: Int?
        self.init(record: record, outcome: outcome,
                  dkimAligned: { OrganisationalDomain.isAligned(dkim[$0].domain, with: headerFrom, mode: policy.adkim) },
                  spfAligned: { OrganisationalDomain.isAligned(spf[$0].domain, with: headerFrom, mode: policy.aspf) },
                  dkimRelaxed: { OrganisationalDomain.isAligned(dkim[$0].domain, with: headerFrom, mode: .relaxed) },
                  spfRelaxed: { OrganisationalDomain.isAligned(spf[$0].domain, with: headerFrom, mode: .relaxed) },
                  spfIsDirectSender: { KnownService.service(authenticatedAs: spf[$0].domain)?.sendsDirectly ?? false },
                  failingSignature: &failingSignature)
    }

    /// Diagnoses one record, `dkimAligned(i)` and `spfAligned(i)` telling whether the domain of its `i`th DKIM or
    /// SPF result is aligned with its `header_from` under the policy (`OrganisationalDomain.isAligned`; `AuditTally`
    /// answers from domain ids), `dkimRelaxed(i)` and `spfRelaxed(i)` whether it is under relaxed alignment (the
    /// same, unless the policy says `s`), `spfIsDirectSender(i)` whether the domain of its `i`th SPF result is the
    /// return path of a service that sends from its own servers (`KnownService.sendsDirectly`).
    ///
    /// `failingSignature` is set to the index of the domain's own signature that failed (`fail` or `permerror`,
    /// one with a selector first) when the record is `forwarded` or `dkimFailsForDomain` for it, by no override
    /// reason: the tally, which sees every record, settles which of the two it is by the key
    /// (`AuditTally.diagnosis(of:)`).
    init(record: Record, outcome: DMARCOutcome, dkimAligned: (Int) -> Bool, spfAligned: (Int) -> Bool,
         dkimRelaxed: (Int) -> Bool, spfRelaxed: (Int) -> Bool, spfIsDirectSender: (Int) -> Bool,
         failingSignature: inout Int?) {
        failingSignature = nil
        let evaluated = record.policyEvaluated
        if outcome.passes {
            self = .aligned
            return
        }
        if evaluated.reasons.contains(where: { Self.forwardingReasons.contains($0.type) }) {
            self = .forwarded
            return
        }
        let dkim = record.authResults.dkim
        let spf = record.authResults.spf
        if dkim.indices.contains(where: { dkimAligned($0) && dkim[$0].result != .pass && dkim[$0].result != .none }) {
            // A signature the receiver refused (`policy`: a key too short, an `l=` tag, an expired signature;
            // `neutral`: a syntax error, RFC 8601 section 2.7.1) is the signer's to fix wherever it went, and no
            // receiver's pass elsewhere says otherwise: the key is not judged for it.
            let refused = dkim.indices.contains {
                dkimAligned($0) && (dkim[$0].result == .policy || dkim[$0].result == .neutral)
            }
            if refused {
                self = .dkimFailsForDomain
                return
            }
            // The domain's own signature does not verify: broken on the way (a footer, a rewritten subject), unless
            // the verifier could not check it at all, for good (`permerror`, RFC 8601 section 2.7.1: nearly always
            // no key published for the selector; a `temperror` is a DNS blip, nothing to fix), or it fails on mail
            // straight from a sending service (SPF passes for its return path, which no forwarder sends as): then
            // the key in DNS is missing or not the one the source signs with. Judged from the record alone; the
            // tally judges by the key instead where the report names a selector.
            let failsAtSource = dkim.indices.contains { dkimAligned($0) && dkim[$0].result == .permerror }
                || (dkim.indices.contains { dkimAligned($0) && dkim[$0].result == .fail }
                    && spf.indices.contains { spf[$0].result == .pass && !spfAligned($0) && spfIsDirectSender($0) })
            self = failsAtSource ? .dkimFailsForDomain : .forwarded
            func isFailing(_ index: Int) -> Bool {
                dkimAligned(index) && (dkim[index].result == .fail || dkim[index].result == .permerror)
            }
            failingSignature = dkim.indices.first { isFailing($0) && !(dkim[$0].selector ?? "").isEmpty }
                ?? dkim.indices.first(where: isFailing)
        } else if dkim.indices.contains(where: { dkim[$0].result == .pass && !dkimAligned($0) && dkimRelaxed($0) }) {
            // Strict alignment refuses a name of the domain's own: the fix is a word in the DMARC record, or the
            // exact name, whatever else the record holds.
            self = .dkimStrictAlignment
        } else if spf.indices.contains(where: { spf[$0].result == .pass && !spfAligned($0) && spfRelaxed($0) }) {
            self = .spfStrictAlignment
        } else if dkim.indices.contains(where: { dkim[$0].result == .pass && !dkimAligned($0) }) {
            self = .dkimNotAligned
        } else if spf.indices.contains(where: { spf[$0].result == .pass && !spfAligned($0) }) {
            self = .spfNotAligned
        } else if spf.indices.contains(where: {
            spfAligned($0) && (spf[$0].result == .fail || spf[$0].result == .softfail)
        }) {
            self = .spfFailsForDomain
        } else if spf.indices.contains(where: { spfAligned($0) && spf[$0].result == .permerror }) {
            self = .spfErrorForDomain
        } else if dkim.isEmpty {
            self = .noDKIMSignature
        } else {
            self = .likelySpoofing
        }
    }

    private static let forwardingReasons: Set<PolicyOverride> = [.forwarded, .mailingList, .trustedForwarder]
}
