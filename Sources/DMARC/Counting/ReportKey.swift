/// What identifies a report: its reporter, its report ID, the policy domain it covers and its period.
///
/// The period is part of it because some reporters reuse one report ID for the reports of consecutive days
/// (Mimecast: liuch/dmarc-srg#81); a copy of a report (a relay's second delivery, one attachment saved twice)
/// has the period of the first.
public struct ReportKey: Hashable, Sendable {
    public var reporter: String
    public var reportID: String
    public var policyDomain: String
    public var dateRange: DateRange

    /// The key of the report `header` belongs to (the policy domain compared in lower case).
    public init(_ header: ReportHeader) {
        reporter = header.metadata.reporter
        reportID = header.metadata.reportID
        policyDomain = header.policy.domain.lowercased()
        dateRange = header.metadata.dateRange
    }
}

extension ReportKey {
    /// 128 bits that stand for the key: two seeded hashes, so that telling two reports apart by their digests is
    /// wrong with a chance of about n² / 2¹²⁹ for n reports.
    struct Digest: Hashable, Sendable {
        let high: Int
        let low: Int
    }

    var digest: Digest {
        func hash(_ salt: UInt8) -> Int {
            var hasher = Hasher()
            hasher.combine(salt)
            hasher.combine(reporter)
            hasher.combine(reportID)
            hasher.combine(policyDomain)
            hasher.combine(dateRange.begin)
            hasher.combine(dateRange.end)
            return hasher.finalize()
        }
        return Digest(high: hash(1), low: hash(2))
    }
}
