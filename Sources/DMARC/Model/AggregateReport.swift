import Foundation

/// One DMARC aggregate (RUA) report: who reported, for which policy, and one `Record` per row.
///
/// Each field says whether RFC 7489 (Appendix C) and RFC 9990 require it and what the reader does when a report
/// leaves it out: **refused** (the report is not read: `DMARCError.Reason.invalidReport`), **nil**, or a
/// **default**. Nothing required is ever filled with an invented value.
public struct AggregateReport: Sendable, Codable, Hashable {
    public var schema: ReportSchema
    /// The `<version>` element as written. Optional in both schemas (RFC 7489 reports often lack it): nil.
    public var version: String?
    public var metadata: ReportMetadata
    public var policy: PolicyPublished
    /// Every `<record>`, in document order; an array also when the report holds one. Both schemas want at least
    /// one, but reporters send reports without: read as no records (a report of 0 messages). A placeholder record
    /// (an empty `<source_ip>` with count 0) is skipped, with a warning.
    public var records: [Record]

    public init(header: ReportHeader, records: [Record]) {
        self.schema = header.schema
        self.version = header.version
        self.metadata = header.metadata
        self.policy = header.policy
        self.records = records
    }

    /// Everything but the records.
    public var header: ReportHeader {
        ReportHeader(schema: schema, version: version, metadata: metadata, policy: policy)
    }
}

/// The parts of a report that come before its records.
public struct ReportHeader: Sendable, Codable, Hashable {
    public var schema: ReportSchema
    public var version: String?
    public var metadata: ReportMetadata
    public var policy: PolicyPublished

    public init(schema: ReportSchema = .draft, version: String? = nil,
                metadata: ReportMetadata = .init(), policy: PolicyPublished = .init()) {
        self.schema = schema
        self.version = version
        self.metadata = metadata
        self.policy = policy
    }
}

/// `<report_metadata>`: who sent the report and which period it covers.
public struct ReportMetadata: Sendable, Codable, Hashable {
    /// The reporting organisation (`org_name`), trimmed. Required by both: when absent or empty, "" if `email`
    /// can name the reporter instead; refused if both are missing.
    public var orgName: String
    /// The reporter's address (`email`). Required by both: "" when absent, if `orgName` names the reporter;
    /// refused if both are missing. Per-reporter views group by its organisational domain (`ReporterIdentity`).
    public var email: String
    /// Optional in both: nil.
    public var extraContactInfo: String?
    /// `report_id`. Required by both: refused when absent or empty.
    public var reportID: String
    /// `date_range` (also read from `data_range`, a KDDI spelling). Required by both, with `begin` and `end`:
    /// refused when absent or when either is not a whole number of seconds.
    public var dateRange: DateRange
    /// `<error>` lines the reporter included. Optional in both: [].
    public var errors: [String]
    /// RFC 9990 `<generator>`: the software that wrote the report. Optional: nil.
    public var generator: String?

    /// Who sent the report, for people: `orgName`, or when a reporter leaves it empty, the domain of `email`.
    public var reporter: String {
        if !orgName.isEmpty { return orgName }
        if let at = email.lastIndex(of: "@") { return String(email[email.index(after: at)...]) }
        return email
    }

    public init(orgName: String = "", email: String = "", extraContactInfo: String? = nil, reportID: String = "",
                dateRange: DateRange = .init(), errors: [String] = [], generator: String? = nil) {
        self.orgName = orgName
        self.email = email
        self.extraContactInfo = extraContactInfo
        self.reportID = reportID
        self.dateRange = dateRange
        self.errors = errors
        self.generator = generator
    }
}

/// The period a report covers, in seconds since 1970 (UTC), as reports write it: digits, or a decimal such as
/// `1363310677.0` (163.com) read as its whole seconds (a fraction is dropped). Anything else refuses the report.
public struct DateRange: Sendable, Codable, Hashable {
    /// `<begin>`, required by both schemas.
    public var begin: Int64
    /// `<end>`, required by both schemas.
    public var end: Int64

    public init(begin: Int64 = 0, end: Int64 = 0) {
        self.begin = begin
        self.end = end
    }

    public var beginDate: Date { Date(timeIntervalSince1970: TimeInterval(begin)) }
    public var endDate: Date { Date(timeIntervalSince1970: TimeInterval(end)) }
}

/// `<policy_published>` (required by both schemas: refused when absent): the DMARC record the reporter found.
public struct PolicyPublished: Sendable, Codable, Hashable {
    /// The policy domain. Required by both: refused when absent or empty.
    public var domain: String
    /// Optional in both: nil (relaxed alignment applies).
    public var adkim: Alignment?
    /// Optional in both: nil (relaxed alignment applies).
    public var aspf: Alignment?
    /// The policy. Required by both, yet nil when left out: it says nothing about the messages counted, so the
    /// report is not refused for it.
    public var p: PolicyAction?
    /// Required by RFC 7489's schema, optional in RFC 9990's: nil.
    public var sp: PolicyAction?
    /// RFC 9990: the policy for non-existent subdomains. Optional: nil.
    public var np: PolicyAction?
    /// Required by RFC 7489's schema, gone from RFC 9990's: nil (also when not a number).
    public var pct: Int?
    /// Required by RFC 7489's schema, optional in RFC 9990's: nil.
    public var fo: String?
    /// RFC 9990 `t=`: `y` when the policy is in test mode. Optional: nil.
    public var testing: String?
    /// RFC 9990: `psl` or `treewalk`. Optional: nil.
    public var discoveryMethod: String?

    public init(domain: String = "", adkim: Alignment? = nil, aspf: Alignment? = nil, p: PolicyAction? = nil,
                sp: PolicyAction? = nil, np: PolicyAction? = nil, pct: Int? = nil, fo: String? = nil,
                testing: String? = nil, discoveryMethod: String? = nil) {
        self.domain = domain
        self.adkim = adkim
        self.aspf = aspf
        self.p = p
        self.sp = sp
        self.np = np
        self.pct = pct
        self.fo = fo
        self.testing = testing
        self.discoveryMethod = discoveryMethod
    }
}
