/// One `<record>`: messages from one source with one set of results.
public struct Record: Sendable, Codable, Hashable {
    public var sourceIP: SourceIP
    /// How many messages this row stands for.
    public var count: UInt64
    public var policyEvaluated: PolicyEvaluated
    public var identifiers: Identifiers
    public var authResults: AuthResults

    public init(sourceIP: SourceIP, count: UInt64, policyEvaluated: PolicyEvaluated = .init(),
                identifiers: Identifiers = .init(), authResults: AuthResults = .init()) {
        self.sourceIP = sourceIP
        self.count = count
        self.policyEvaluated = policyEvaluated
        self.identifiers = identifiers
        self.authResults = authResults
    }
}

/// `<policy_evaluated>`: the DMARC verdict and what the receiver did.
public struct PolicyEvaluated: Sendable, Codable, Hashable {
    /// nil when the report leaves it out.
    public var disposition: Disposition?
    /// The aligned DKIM result; nil when left out (old AOL reports): then `Record.dmarcOutcome(under:)` derives it.
    public var dkim: DMARCResult?
    /// The aligned SPF result; nil when left out: then `Record.dmarcOutcome(under:)` derives it.
    public var spf: DMARCResult?
    public var reasons: [OverrideReason]

    public init(disposition: Disposition? = nil, dkim: DMARCResult? = nil, spf: DMARCResult? = nil,
                reasons: [OverrideReason] = []) {
        self.disposition = disposition
        self.dkim = dkim
        self.spf = spf
        self.reasons = reasons
    }

    public var dkimPasses: Bool { dkim == .pass }
    public var spfPasses: Bool { spf == .pass }
}

/// `<reason>`: why the receiver overrode the policy.
public struct OverrideReason: Sendable, Codable, Hashable {
    public var type: PolicyOverride
    public var comment: String?

    public init(type: PolicyOverride, comment: String? = nil) {
        self.type = type
        self.comment = comment
    }
}

/// `<identifiers>`: the domains the message claimed.
public struct Identifiers: Sendable, Codable, Hashable {
    public var headerFrom: String
    public var envelopeFrom: String?
    public var envelopeTo: String?

    public init(headerFrom: String = "", envelopeFrom: String? = nil, envelopeTo: String? = nil) {
        self.headerFrom = headerFrom
        self.envelopeFrom = envelopeFrom
        self.envelopeTo = envelopeTo
    }
}

/// `<auth_results>`: the raw DKIM and SPF results, before alignment.
public struct AuthResults: Sendable, Codable, Hashable {
    public var dkim: [DKIMAuthResult]
    public var spf: [SPFAuthResult]

    public init(dkim: [DKIMAuthResult] = [], spf: [SPFAuthResult] = []) {
        self.dkim = dkim
        self.spf = spf
    }
}

/// One DKIM signature's result.
public struct DKIMAuthResult: Sendable, Codable, Hashable {
    public var domain: String
    public var selector: String?
    public var result: DKIMResult
    public var humanResult: String?

    public init(domain: String, selector: String? = nil, result: DKIMResult, humanResult: String? = nil) {
        self.domain = domain
        self.selector = selector
        self.result = result
        self.humanResult = humanResult
    }
}

/// One SPF check's result.
public struct SPFAuthResult: Sendable, Codable, Hashable {
    public var domain: String
    /// `mfrom` or `helo`; nil when left out.
    public var scope: String?
    public var result: SPFResult
    public var humanResult: String?

    public init(domain: String, scope: String? = nil, result: SPFResult, humanResult: String? = nil) {
        self.domain = domain
        self.scope = scope
        self.result = result
        self.humanResult = humanResult
    }
}
