/// Who sends as the domain, grouped into senders, each with a verdict on its SPF and DKIM gaps.
///
/// A sender is the set of source addresses that authenticated as the same domains ("d=sendgrid.net,
/// mfrom=bounce.sendgrid.net"), named after a known service when one matches. Sources that never authenticate
/// form one sender, "unauthenticated". Each sender is judged per `header_from` domain.
public struct SenderAudit: Sendable {
    /// One row per sender and `header_from` domain: those with failing mail first.
    public let verdicts: [SenderVerdict]

    public init(_ tally: AuditTally) {
        var groups: [GroupKey: SenderVerdict] = [:]
        for (key, totals) in tally.totals {
            let sender = Sender(authenticatedAs: tally.authenticatedAs[key.source] ?? [])
            let groupKey = GroupKey(sender: sender, headerFrom: key.headerFrom)
            var diagnosis = key.diagnosis
            if sender.authenticatedAs.isEmpty
                && [.spfFailsForDomain, .noDKIMSignature].contains(diagnosis) {
                diagnosis = .likelySpoofing
            }
            groups[groupKey, default: SenderVerdict(sender: sender, headerFrom: key.headerFrom)]
                .add(totals, from: key.source, diagnosis: diagnosis)
        }
        verdicts = groups.values.sorted {
            ($1.totals.dmarcFail, $1.totals.messages, $0.sender.name, $0.headerFrom)
                < ($0.totals.dmarcFail, $0.totals.messages, $1.sender.name, $1.headerFrom)
        }
    }

    /// Distinct senders.
    public var senderCount: Int { Set(verdicts.map(\.sender)).count }
    /// Distinct senders with a gap to fix.
    public var sendersNeedingAction: Int { Set(verdicts.filter { $0.diagnosis.needsAction }.map(\.sender)).count }
    public var totals: MessageTotals {
        verdicts.reduce(into: MessageTotals()) { $0.add($1.totals) }
    }

    private struct GroupKey: Hashable {
        var sender: Sender
        var headerFrom: String
    }
}

/// A sending service, known by the domains it authenticates as.
public struct Sender: Hashable, Sendable, Comparable {
    /// `d=DOMAIN`, `mfrom=DOMAIN`, `helo=DOMAIN` tokens, sorted; empty when nothing ever authenticated.
    public let authenticatedAs: [String]
    /// The recognised service, when one of the domains belongs to one.
    public let service: String?

    init(authenticatedAs tokens: Set<String>) {
        authenticatedAs = tokens.sorted()
        service = authenticatedAs.lazy.compactMap { token in
            token.split(separator: "=", maxSplits: 1).last.flatMap { KnownService.named(by: String($0)) }
        }.first
    }

    /// `SendGrid (d=sendgrid.net, mfrom=bounce.sendgrid.net)`, or `unauthenticated`.
    public var name: String {
        let domains = authenticatedAs.isEmpty ? "unauthenticated" : authenticatedAs.joined(separator: ", ")
        return service.map { "\($0) (\(domains))" } ?? domains
    }

    public static func < (lhs: Sender, rhs: Sender) -> Bool { lhs.name < rhs.name }
}

/// One sender's traffic for one `header_from` domain, and the verdict.
public struct SenderVerdict: Sendable {
    public let sender: Sender
    public let headerFrom: String
    public private(set) var totals = MessageTotals()
    /// Messages per diagnosis.
    public private(set) var messagesByDiagnosis: [Diagnosis: UInt64] = [:]
    /// Messages per source address.
    public private(set) var messagesBySource: [SourceIP: UInt64] = [:]

    init(sender: Sender, headerFrom: String) {
        self.sender = sender
        self.headerFrom = headerFrom
    }

    mutating func add(_ counts: MessageTotals, from source: SourceIP, diagnosis: Diagnosis) {
        totals.add(counts)
        messagesByDiagnosis[diagnosis, default: 0] += counts.messages
        messagesBySource[source, default: 0] += counts.messages
    }

    /// The verdict: `aligned` when nothing fails, else the failing diagnosis with the most messages.
    public var diagnosis: Diagnosis {
        let failing = messagesByDiagnosis.filter { $0.key != .aligned && $0.value > 0 }
        return failing.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .aligned
    }

    /// Sources by messages, most first.
    public var sources: [(source: SourceIP, messages: UInt64)] {
        messagesBySource.map { ($0.key, $0.value) }.sorted {
            $0.messages != $1.messages ? $0.messages > $1.messages : $0.source.text < $1.source.text
        }
    }

    /// Share of messages passing DMARC, 0...1.
    public var passRate: Double {
        totals.messages == 0 ? 1 : Double(totals.dmarcPass) / Double(totals.messages)
    }
}
