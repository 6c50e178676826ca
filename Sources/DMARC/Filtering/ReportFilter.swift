/// Which reports and records count: a report is admitted whole (policy domain, reporter, period), then each of
/// its records (source address, DMARC failure). `ReportCounter` applies it before any view sees a report.
public struct ReportFilter: Sendable, Hashable {
    /// When not empty, only records whose source lies in one of these ranges count.
    public var includedSources: [IPRange] = []
    /// Records whose source lies in one of these never count (exclusion wins over inclusion).
    public var excludedSources: [IPRange] = []
    /// Only records that fail DMARC (neither aligned DKIM nor aligned SPF passed).
    public var onlyFailing = false
    /// When not empty, only reports for these policy domains (lower case).
    public var policyDomains: Set<String> = []
    /// When not empty, only reports from these reporters (lower case).
    public var reporters: Set<String> = []
    /// Only reports whose period begins at or after this time (seconds since 1970).
    public var since: Int64?
    /// Only reports whose period begins before this time.
    public var until: Int64?

    public init() {}

    /// Whether any filter works on single records (then a report with no record left does not count).
    public var filtersRecords: Bool {
        onlyFailing || !includedSources.isEmpty || !excludedSources.isEmpty
    }

    /// Whether a report counts at all.
    public func admits(_ header: ReportHeader) -> Bool {
        if !policyDomains.isEmpty && !policyDomains.contains(header.policy.domain.lowercased()) { return false }
        if !reporters.isEmpty && !admitsReporter(of: header.metadata) { return false }
        if let since, header.metadata.dateRange.begin < since { return false }
        if let until, header.metadata.dateRange.begin >= until { return false }
        return true
    }

    /// A reporter is named by the name its report writes (`org_name`, else its address's domain) or by the
    /// domain that groups its reports (`ReporterIdentity`): `google.com` matches Google's reports however they
    /// spell the name, as the reporters view shows them in one row.
    private func admitsReporter(of metadata: ReportMetadata) -> Bool {
        reporters.contains(metadata.reporter.lowercased()) || reporters.contains(ReporterIdentity.key(of: metadata))
    }

    /// Whether a record of an admitted report, published with `policy`, counts.
    public func admits(_ record: Record, policy: PolicyPublished) -> Bool {
        if onlyFailing && !record.failsDMARC(under: policy) { return false }
        guard !includedSources.isEmpty || !excludedSources.isEmpty else { return true }
        // A source that is no address (masked by the reporter) matches no range.
        guard let address = record.sourceIP.address else { return includedSources.isEmpty }
        if excludedSources.contains(where: { $0.contains(address) }) { return false }
        return includedSources.isEmpty || includedSources.contains(where: { $0.contains(address) })
    }
}

/// The former name of `ReportFilter`, kept so that branches written against it still build.
public typealias RecordFilter = ReportFilter
