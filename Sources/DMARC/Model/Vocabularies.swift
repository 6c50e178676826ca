/// What the receiver did with the messages (`policy_evaluated/disposition`).
public enum Disposition: ReportVocabulary {
    case none, quarantine, reject
    /// RFC 9990: the message passed DMARC, so no policy was applied.
    case pass
    case unrecognised(String)

    public static let standardValues: [Self] = [.none, .quarantine, .reject, .pass]
    public static let knownWords: [String: Disposition] = [
        "none": .none, "quarantine": .quarantine, "reject": .reject, "pass": .pass,
    ]
    public var word: String {
        switch self {
        case .none: "none"
        case .quarantine: "quarantine"
        case .reject: "reject"
        case .pass: "pass"
        case .unrecognised(let word): word
        }
    }
}

/// The policy a domain owner published (`p`, `sp`, `np`).
public enum PolicyAction: ReportVocabulary {
    case none, quarantine, reject
    case unrecognised(String)

    public static let standardValues: [Self] = [.none, .quarantine, .reject]
    public static let knownWords: [String: PolicyAction] = ["none": .none, "quarantine": .quarantine, "reject": .reject]
    public var word: String {
        switch self {
        case .none: "none"
        case .quarantine: "quarantine"
        case .reject: "reject"
        case .unrecognised(let word): word
        }
    }
}

/// A DMARC-aligned result in `policy_evaluated` (`dkim`, `spf`).
public enum DMARCResult: ReportVocabulary {
    case pass, fail
    case unrecognised(String)

    public static let standardValues: [Self] = [.pass, .fail]
    public static let knownWords: [String: DMARCResult] = ["pass": .pass, "fail": .fail]
    public var word: String {
        switch self {
        case .pass: "pass"
        case .fail: "fail"
        case .unrecognised(let word): word
        }
    }
}

/// A DKIM verification result in `auth_results` (RFC 8601).
public enum DKIMResult: ReportVocabulary {
    case none, pass, fail, policy, neutral, temperror, permerror
    case unrecognised(String)

    public static let standardValues: [Self] = [.pass, .fail, .none, .neutral, .temperror, .permerror, .policy]
    public static let knownWords: [String: DKIMResult] = [
        "none": .none, "pass": .pass, "fail": .fail, "policy": .policy, "neutral": .neutral,
        "temperror": .temperror, "permerror": .permerror,
        "hardfail": .fail,
    ]
    public var word: String {
        switch self {
        case .none: "none"
        case .pass: "pass"
        case .fail: "fail"
        case .policy: "policy"
        case .neutral: "neutral"
        case .temperror: "temperror"
        case .permerror: "permerror"
        case .unrecognised(let word): word
        }
    }
}

/// An SPF verification result in `auth_results` (RFC 7208).
public enum SPFResult: ReportVocabulary {
    case none, neutral, pass, fail, softfail, temperror, permerror
    case unrecognised(String)

    public static let standardValues: [Self] = [.pass, .fail, .softfail, .none, .neutral, .temperror, .permerror]
    public static let knownWords: [String: SPFResult] = [
        "none": .none, "neutral": .neutral, "pass": .pass, "fail": .fail, "softfail": .softfail,
        "temperror": .temperror, "permerror": .permerror,
        "hardfail": .fail,
    ]
    public var word: String {
        switch self {
        case .none: "none"
        case .neutral: "neutral"
        case .pass: "pass"
        case .fail: "fail"
        case .softfail: "softfail"
        case .temperror: "temperror"
        case .permerror: "permerror"
        case .unrecognised(let word): word
        }
    }
}

/// Identifier alignment mode (`adkim`, `aspf`).
public enum Alignment: ReportVocabulary {
    case relaxed, strict
    case unrecognised(String)

    public static let standardValues: [Self] = [.relaxed, .strict]
    public static let knownWords: [String: Alignment] = ["r": .relaxed, "s": .strict, "relaxed": .relaxed, "strict": .strict]
    public var word: String {
        switch self {
        case .relaxed: "r"
        case .strict: "s"
        case .unrecognised(let word): word
        }
    }
}

/// Why a receiver applied another disposition than the policy asked for (`reason/type`).
public enum PolicyOverride: ReportVocabulary {
    case forwarded, sampledOut, trustedForwarder, mailingList, localPolicy, other
    /// RFC 9990: the policy was published with `t=y`.
    case policyTestMode
    case unrecognised(String)

    public static let knownWords: [String: PolicyOverride] = [
        "forwarded": .forwarded, "sampled_out": .sampledOut, "trusted_forwarder": .trustedForwarder,
        "mailing_list": .mailingList, "local_policy": .localPolicy, "other": .other,
        "policy_test_mode": .policyTestMode,
    ]
    public var word: String {
        switch self {
        case .forwarded: "forwarded"
        case .sampledOut: "sampled_out"
        case .trustedForwarder: "trusted_forwarder"
        case .mailingList: "mailing_list"
        case .localPolicy: "local_policy"
        case .other: "other"
        case .policyTestMode: "policy_test_mode"
        case .unrecognised(let word): word
        }
    }
}

/// Which schema a report follows, judged from its namespace and `version`.
public enum ReportSchema: String, Sendable, Codable, Hashable {
    /// Pre-RFC drafts: no `version`, or version 0.1 without a namespace.
    case draft
    /// RFC 7489 (version 1.0, or the `http://dmarc.org/dmarc-xml/0.1` namespace).
    case rfc7489
    /// RFC 9990 (namespace `urn:ietf:params:xml:ns:dmarc-2.0`, or version 2.0).
    case rfc9990
}
