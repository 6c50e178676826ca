/// How many messages were aligned, passed unaligned, or failed, for SPF and for DKIM.
public struct AuthenticationShares: Sendable, Hashable {
    /// SPF: aligned (`policy_evaluated/spf` pass), passing for another domain, failing.
    public var spf = Outcomes()
    /// DKIM: aligned (`policy_evaluated/dkim` pass), passing for another domain, failing.
    public var dkim = Outcomes()

    /// One mechanism's messages by outcome.
    public struct Outcomes: Sendable, Hashable {
        /// The `policy_evaluated` result is `pass`: it counts for DMARC.
        public var aligned: UInt64 = 0
        /// Not aligned, but some `auth_results` entry passed (for another domain).
        public var passingUnaligned: UInt64 = 0
        /// Neither.
        public var failing: UInt64 = 0

        /// All messages counted.
        public var total: UInt64 { aligned &+ passingUnaligned &+ failing }

        mutating func add(aligned isAligned: Bool, passed: Bool, count: UInt64) {
            if isAligned {
                aligned.addSaturating(count)
            } else if passed {
                passingUnaligned.addSaturating(count)
            } else {
                failing.addSaturating(count)
            }
        }

        mutating func add(_ other: Outcomes) {
            aligned.addSaturating(other.aligned)
            passingUnaligned.addSaturating(other.passingUnaligned)
            failing.addSaturating(other.failing)
        }
    }

    /// No messages.
    public init() {}

    /// Counts one record (its `auth_results` are needed: read with `RecordContent.complete`).
    public mutating func add(_ record: Record, outcome: DMARCOutcome) {
        spf.add(aligned: outcome.spfPasses,
                passed: record.authResults.spf.contains { $0.result == .pass }, count: record.count)
        dkim.add(aligned: outcome.dkimPasses,
                 passed: record.authResults.dkim.contains { $0.result == .pass }, count: record.count)
    }

    /// Adds another set's counts.
    public mutating func add(_ other: AuthenticationShares) {
        spf.add(other.spf)
        dkim.add(other.dkim)
    }
}
