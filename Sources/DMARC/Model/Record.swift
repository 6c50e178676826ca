/// One `<record>`: messages from one source with one set of results. What the schemas require of it, and what
/// the reader does when it is missing, is said field by field (see `AggregateReport`).
public struct Record: Sendable, Codable, Hashable {
    /// `row/source_ip`. Required by both: refused when absent or empty (unless the count is 0: a placeholder,
    /// skipped with a warning). Text that is no address (`xxx.xxx.xxx.xxx`) is kept.
    public var sourceIP: SourceIP
    /// `row/count`, how many messages this row stands for. Required by both: refused when absent or not a
    /// non-negative whole number.
    public var count: UInt64
    /// `row/policy_evaluated`. Required by both, yet read when left out (old AOL reports): its parts are nil.
    public var policyEvaluated: PolicyEvaluated
    /// `identifiers` (also read from `identities`). Required by both, with `header_from`: refused when absent.
    public var identifiers: Identifiers
    /// `auth_results`. Required by both schemas, yet read when left out: empty lists.
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
    /// What the receiver did. Required by both, yet nil when left out, and a word no RFC defines is kept
    /// (`.unrecognised`): such records count in the messages but in no disposition column, and the reader warns.
    public var disposition: Disposition?
    /// The aligned DKIM result; nil when left out (old AOL reports): then `Record.dmarcOutcome(under:)` derives it.
    public var dkim: DMARCResult?
    /// The aligned SPF result; nil when left out: then `Record.dmarcOutcome(under:)` derives it.
    public var spf: DMARCResult?
    /// `<reason>` elements. Optional in both: [].
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
    /// The RFC 5322 From domain. Required by both: refused when absent or empty.
    public var headerFrom: String
    /// Optional in both: nil.
    public var envelopeFrom: String?
    /// Optional in both: nil.
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
