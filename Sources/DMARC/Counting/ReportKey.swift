/// What identifies a report: its reporter, its report ID and the policy domain it covers.
public struct ReportKey: Hashable, Sendable {
    public var reporter: String
    public var reportID: String
    public var policyDomain: String

    /// The key of the report `header` belongs to (the policy domain compared in lower case).
    public init(_ header: ReportHeader) {
        reporter = header.metadata.reporter
        reportID = header.metadata.reportID
        policyDomain = header.policy.domain.lowercased()
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
            return hasher.finalize()
        }
        return Digest(high: hash(1), low: hash(2))
    }
}
