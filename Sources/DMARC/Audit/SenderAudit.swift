/// Who sends as the domain, grouped into senders, each with a verdict on its SPF and DKIM gaps.
///
/// A sender is the set of source addresses that authenticated as the same domains ("d=sendgrid.net,
/// mfrom=bounce.sendgrid.net"); all the sources of a known service (recognised by any of the domains) are one.
/// Each source is judged per `header_from` domain, and goes to its sender unless it is one of the unknown sources:
/// a source that is no known service (free mailbox services such as Gmail do not count), never authenticates as the
/// `header_from` domain (no aligned pass, no forwarded signature of it) and is sporadic (`SteadySourceRule`). Those
/// together form one row, "unknown source failing everything". A steady source that authenticates as nothing is a
/// sender of its own, with the gap its records show (SPF fails, no DKIM); sporadic ones that do carry the domain's
/// (broken, forwarded) signature form the sender "unauthenticated".
///
/// With enrichment (`--enrich`, `--ip-db`, `--resolve`), outside data tells more of a source that authenticates as
/// nothing: one whose forward-confirmed PTR name or AS domain is under the `header_from` domain's organisational
/// domain is a server of the domain's own, and one in the network of a known business service (an ESP, a CRM:
/// not a free mailbox, not a cloud that rents servers) is that service not yet set up; either is a sender of its
/// own, named after what is known of it, even when sporadic. The rest is judged as without enrichment.
public struct SenderAudit: Sendable {
    /// One row per sender and `header_from` domain: those with failing mail first.
    public let verdicts: [SenderVerdict]
    /// The rule that told steady sources from sporadic ones.
    public let rule: SteadySourceRule

    /// Judges what `tally` counted, telling steady sources from sporadic ones by `rule`, and own servers and
    /// services from spoofers by `enrichment` (who each source is; empty without enrichment).
    public init(_ tally: AuditTally, rule: SteadySourceRule = .init(), enrichment: [SourceIP: SourceEnrichment] = [:]) {
        self.rule = rule
        let senders = Self.mergingServices(Self.senders(of: tally, rule: rule, enrichment: enrichment))
        var groups: [GroupKey: SenderVerdict] = [:]
        for (key, totals) in tally.totals {
            let sender = senders[SourceDomain(source: key.source, headerFrom: key.headerFrom)]!
            var diagnosis = key.diagnosis
            if sender.kind == .unknownSources {
                if diagnosis != .aligned { diagnosis = .likelySpoofing }
            } else if diagnosis == .likelySpoofing {
                diagnosis = .noDKIMSignature  // a sender of the domain's: nothing aligned signs its mail
            }
            groups[GroupKey(sender: sender, headerFrom: key.headerFrom),
                   default: SenderVerdict(sender: sender, headerFrom: key.headerFrom)]
                .add(totals, from: key.source, diagnosis: diagnosis)
        }
        // Failing mail first, then most messages, then by sender and domain. A sender's name and tokens are
        // worked out once per row, not once per comparison (tens of thousands of rows for a busy domain).
        let rows = Array(groups.values)
        let senderKeys = rows.map { ($0.sender.name, $0.sender.authenticatedAs.joined(separator: ",")) }
        verdicts = rows.indices.sorted { a, b in
            let left = rows[a], right = rows[b]
            if left.totals.dmarcFail != right.totals.dmarcFail { return left.totals.dmarcFail > right.totals.dmarcFail }
            if left.totals.messages != right.totals.messages { return left.totals.messages > right.totals.messages }
            if left.sender != right.sender { return senderKeys[a] < senderKeys[b] }  // Sender's own order
            return left.headerFrom < right.headerFrom
        }.map { rows[$0] }
    }

    /// The sender of each source and `header_from` domain (see the type's description).
    private static func senders(of tally: AuditTally, rule: SteadySourceRule,
                                enrichment: [SourceIP: SourceEnrichment]) -> [SourceDomain: Sender] {
        var domainMessages: [String: UInt64] = [:]
        var traffic: [SourceDomain: (messages: UInt64, diagnoses: Set<Diagnosis>)] = [:]
        for (key, totals) in tally.totals {
            domainMessages[key.headerFrom, default: 0] += totals.messages
            let sourceDomain = SourceDomain(source: key.source, headerFrom: key.headerFrom)
            traffic[sourceDomain, default: (0, [])].messages += totals.messages
            traffic[sourceDomain, default: (0, [])].diagnoses.insert(key.diagnosis)
        }
        var senders: [SourceDomain: Sender] = [:]
        // Relaxed alignment, each name's organisational domain looked up once (libpsl is the cost here).
        var organisational: [String: String] = [:]
        func isAligned(_ authenticated: String, with headerFrom: String) -> Bool {
            guard !authenticated.isEmpty, !headerFrom.isEmpty else { return false }
            func of(_ name: String) -> String {
                if let known = organisational[name] { return known }
                let found = OrganisationalDomain.of(name)
                organisational[name] = found
                return found
            }
            return of(authenticated) == of(headerFrom)
        }
        // Many sources authenticate as the same domains: one sender (and one service look-up) per set of them.
        var senderOf: [Set<String>: Sender] = [:]
        for (sourceDomain, traffic) in traffic {
            let tokens = tally.authenticatedAs[sourceDomain.source] ?? []
            let sender = senderOf[tokens] ?? Sender(authenticatedAs: tokens)
            senderOf[tokens] = sender
            let authenticatesAsDomain = tokens.contains {
                isAligned(String($0.split(separator: "=", maxSplits: 1).last ?? ""), with: sourceDomain.headerFrom)
            }
            let ownEvidence = authenticatesAsDomain || !traffic.diagnoses.isDisjoint(with: [.aligned, .forwarded])
            let steady = rule.isSteady(days: tally.days(of: sourceDomain.source), messages: traffic.messages,
                                       domainMessages: domainMessages[sourceDomain.headerFrom] ?? 0)
            let business = sender.service.map { !KnownService.mailboxServices.contains($0) } ?? false
            // What outside data says of the source: the domain's own network, or a business service's.
            let identity = enrichment[sourceDomain.source]
            let ownNetwork = identity?.belongs(to: sourceDomain.headerFrom) ?? false
            let serviceNetwork = identity?.service.flatMap(KnownService.withName).map { !$0.isFreeMailbox && !$0.isHosting }
                ?? false
            senders[sourceDomain] = switch (tokens.isEmpty, steady || business || ownEvidence || ownNetwork) {
            case (false, true): sender
            case (true, _) where steady || ownNetwork || serviceNetwork:
                .unauthenticated(sourceDomain.source, label: identity?.label)
            case (true, _) where ownEvidence: .unauthenticatedSources  // sporadic, with a broken signature of ours
            default: .unknownSources
            }
        }
        return senders
    }

    /// The same senders, with all the sources of one known service as one sender over all their domains.
    private static func mergingServices(_ senders: [SourceDomain: Sender]) -> [SourceDomain: Sender] {
        var tokens: [String: Set<String>] = [:]
        for sender in senders.values {
            if let service = sender.service { tokens[service, default: []].formUnion(sender.authenticatedAs) }
        }
        let merged = Dictionary(uniqueKeysWithValues: tokens.map { ($0.key, Sender(service: $0.key, authenticatedAs: $0.value)) })
        return senders.mapValues { sender in sender.service.flatMap { merged[$0] } ?? sender }
    }

    /// Every source the tally counted: the addresses an enrichment of the audit looks up.
    public static func sources(of tally: AuditTally) -> Set<SourceIP> {
        Set(tally.authenticatedAs.keys).union(tally.daysSeen.keys)
    }

    /// Distinct senders.
    public var senderCount: Int { Set(verdicts.map(\.sender)).count }
    /// Distinct senders with a gap to fix.
    public var sendersNeedingAction: Int { Set(verdicts.filter { $0.diagnosis.needsAction }.map(\.sender)).count }
    /// All rows' messages together.
    public var totals: MessageTotals {
        verdicts.reduce(into: MessageTotals()) { $0.add($1.totals) }
    }

    /// Distinct senders needing action for `header_from` domains at or under `policyDomain`.
    public func sendersNeedingAction(under policyDomain: String) -> Int {
        let domain = OrganisationalDomain.normalised(policyDomain)
        return Set(verdicts.filter {
            $0.diagnosis.needsAction && ($0.headerFrom == domain || $0.headerFrom.hasSuffix("." + domain))
        }.map(\.sender)).count
    }

    private struct SourceDomain: Hashable {
        var source: SourceIP
        var headerFrom: String
    }

    private struct GroupKey: Hashable {
        var sender: Sender
        var headerFrom: String
    }
}
