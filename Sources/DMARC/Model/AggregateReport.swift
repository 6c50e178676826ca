import Foundation

/// One DMARC aggregate (RUA) report: who reported, for which policy, and one `Record` per row.
public struct AggregateReport: Sendable, Codable, Hashable {
    public var schema: ReportSchema
    /// The `<version>` element as written, when present.
    public var version: String?
    public var metadata: ReportMetadata
    public var policy: PolicyPublished
    /// Every `<record>`, in document order; an array also when the report holds one.
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
    /// The reporting organisation (`org_name`), trimmed; empty when the report leaves it out.
    public var orgName: String
    public var email: String
    public var extraContactInfo: String?
    public var reportID: String
    public var dateRange: DateRange
    /// `<error>` lines the reporter included.
    public var errors: [String]
    /// RFC 9990 `<generator>`: the software that wrote the report.
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

/// The period a report covers, in seconds since 1970 (UTC), as reports write it.
public struct DateRange: Sendable, Codable, Hashable {
    public var begin: Int64
    public var end: Int64

    public init(begin: Int64 = 0, end: Int64 = 0) {
        self.begin = begin
        self.end = end
    }

    public var beginDate: Date { Date(timeIntervalSince1970: TimeInterval(begin)) }
    public var endDate: Date { Date(timeIntervalSince1970: TimeInterval(end)) }
}

/// `<policy_published>`: the DMARC record the reporter found for the domain.
public struct PolicyPublished: Sendable, Codable, Hashable {
    public var domain: String
    public var adkim: Alignment?
    public var aspf: Alignment?
    /// The policy; nil when the report leaves `<p>` out.
    public var p: PolicyAction?
    public var sp: PolicyAction?
    /// RFC 9990: the policy for non-existent subdomains.
    public var np: PolicyAction?
    public var pct: Int?
    public var fo: String?
    /// RFC 9990 `t=`: `y` when the policy is in test mode.
    public var testing: String?
    /// RFC 9990: `psl` or `treewalk`.
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
