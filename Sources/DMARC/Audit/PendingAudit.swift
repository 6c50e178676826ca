/// The records of the report being read, as `AuditTally` counts them once the report counts: ids into the tally's
/// tables, kept apart so that a report that does not count (a duplicate, a failure) adds nothing
/// (`AuditTally.addTentatively`, `commitTentative`, `discardTentative`).
///
/// A report's records are added straight to the tally of their thread when it counts, never to a tally of their
/// own merged afterwards: that merge hashed every domain and source of every report twice (issue 17).
struct PendingAudit: Sendable {
    /// One record.
    struct Entry: Sendable {
        var key: AuditTally.Key
        var totals: MessageTotals
        /// The UTC day of its report period's beginning.
        var day: Int64
        /// Its tokens are `tokens[previous entry's tokenEnd ..< tokenEnd]`.
        var tokenEnd: Int32
        /// Its DKIM signatures are `signatures[previous entry's signatureEnd ..< signatureEnd]`.
        var signatureEnd: Int32
    }

    /// A DKIM signature: the key (index into the tally's keys) and the receiver's result.
    struct Signature: Sendable {
        var key: UInt32
        var outcome: DKIMKeyCounts.Outcome
        /// `fail` or `permerror`: the signature did not verify, and not for a passing reason (a DNS time-out).
        var failed: Bool
    }

    /// A published policy: the policy domain (id of the tally's `policyDomainNames`) and its words.
    struct Policy: Sendable {
        var domain: UInt32
        var words: PolicyWords
    }

    private(set) var entries: [Entry] = []
    private(set) var tokens: [UInt32] = []
    private(set) var signatures: [Signature] = []
    /// The policy of the report (the records added between two commits are of one report, under one header).
    private(set) var policy: Policy?

    var isEmpty: Bool { entries.isEmpty }

    mutating func setPolicy(_ policy: PolicyPublished, domain: UInt32) {
        self.policy = Policy(domain: domain, words: PolicyWords(policy))
    }

    mutating func addToken(_ token: UInt32) { tokens.append(token) }

    /// Adds a DKIM signature of the record being added. A second one by the same key in the record (some reporters
    /// list a signature twice) adds nothing but a better result, pass before fail before the others: the record's
    /// messages count once per key.
    mutating func addSignature(_ signature: Signature) {
        let recordStart = entries.last.map { Int($0.signatureEnd) } ?? 0
        if let index = signatures[recordStart...].firstIndex(where: { $0.key == signature.key }) {
            if signature.outcome.rawValue < signatures[index].outcome.rawValue { signatures[index] = signature }
            return
        }
        signatures.append(signature)
    }

    /// Closes a record whose tokens and signatures were added since the last one.
    mutating func addEntry(key: AuditTally.Key, totals: MessageTotals, day: Int64) {
        entries.append(Entry(key: key, totals: totals, day: day, tokenEnd: Int32(tokens.count),
                             signatureEnd: Int32(signatures.count)))
    }

    /// Forgets every record, keeping the storage for the next report.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        signatures.removeAll(keepingCapacity: true)
        policy = nil
    }
}
