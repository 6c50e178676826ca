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
        // Senders as indices into one list, grouped by small integer keys: a `Sender` is hashed once per sender,
        // not once per source (tens of thousands of sources for a busy domain).
        let retired = tally.retiredKeys()
        let (senders, senderOf) = Self.senders(of: tally, rule: rule, enrichment: enrichment, retired: retired)
        // The organisational domains the reports are about: the admin's own, whichever of them a sender signs as.
        let ownDomains = Set(tally.policyDomainNames.names.map { OrganisationalDomain.of($0) })
        var groupOf: [UInt64: Int] = [:]
        var rows: [SenderVerdict] = []
        var senderOfRow: [Int] = []  // the index in `senders` of each row's sender
        for (key, totals) in tally.totals {
            let senderIndex = senderOf[SourceDomain(row: key.row, headerFrom: key.headerFrom)]!
            let sender = senders[senderIndex]
            var diagnosis = tally.diagnosis(of: key, retired: retired)
            if sender.kind == .unknownSources {
                if diagnosis != .aligned { diagnosis = .likelySpoofing }
            } else if diagnosis == .likelySpoofing {
                diagnosis = .noDKIMSignature  // a sender of the domain's: nothing aligned signs its mail
            }
            let groupKey = UInt64(senderIndex) << 32 | UInt64(key.headerFrom)
            let index: Int
            if let known = groupOf[groupKey] {
                index = known
            } else {
                index = rows.count
                groupOf[groupKey] = index
                rows.append(SenderVerdict(sender: sender, headerFrom: tally.names.names[Int(key.headerFrom)],
                                          ownDomains: ownDomains))
                senderOfRow.append(senderIndex)
            }
            rows[index].add(totals, from: tally.sources.sources[Int(key.row)], diagnosis: diagnosis)
            if diagnosis == .dkimFailsForDomain, key.failingKey != AuditTally.noKey {
                rows[index].addFailingKey(tally.keyName(Int(key.failingKey)), messages: totals.messages)
            }
        }
        // Failing mail first, then most messages, then by sender (name, then what it authenticates as) and domain.
        // The senders are ranked once, and rows compared by numbers: a comparison that copied two rows and
        // compared their senders cost some 3,000 instructions (7,400 rows on the varied benchmark folder: 0.29 G).
        let rowSenders = Set(senderOfRow).map { index in
            (index: index, key: (senders[index].name, senders[index].authenticatedAs.joined(separator: ",")))
        }.sorted { $0.key < $1.key }
        var rankOfSender = [Int](repeating: 0, count: senders.count)
        var rank = 0
        for position in rowSenders.indices {
            if position > 0 && rowSenders[position - 1].key < rowSenders[position].key { rank += 1 }
            rankOfSender[rowSenders[position].index] = rank
        }
        let failing = rows.map(\.totals.dmarcFail), messages = rows.map(\.totals.messages)
        let senderRank = senderOfRow.map { rankOfSender[$0] }
        verdicts = rows.indices.sorted { a, b in
            if failing[a] != failing[b] { return failing[a] > failing[b] }
            if messages[a] != messages[b] { return messages[a] > messages[b] }
            if senderRank[a] != senderRank[b] { return senderRank[a] < senderRank[b] }
            return rows[a].headerFrom < rows[b].headerFrom
        }.map { rows[$0] }
    }

    /// The senders (all the sources of one known service as one sender over all their domains), and the index of
    /// the sender of each source and `header_from` domain (see the type's description).
    private static func senders(of tally: AuditTally, rule: SteadySourceRule,
                                enrichment: [SourceIP: SourceEnrichment], retired: Set<UInt32>)
        -> (senders: [Sender], senderOf: [SourceDomain: Int]) {
        var domainMessages = [UInt64](repeating: 0, count: tally.names.names.count)
        // The days each domain's reports cover (its sources' days, up to the cap): the steady rule's share
        // counts for one day only while a domain has few.
        var domainDays = [DaySet](repeating: DaySet(), count: tally.names.names.count)
        var traffic: [SourceDomain: (messages: UInt64, diagnoses: UInt16)] = [:]
        for (key, totals) in tally.totals {
            domainMessages[Int(key.headerFrom)].addSaturating(totals.messages)
            if domainDays[Int(key.headerFrom)].count < SteadySourceRule.dayCap {
                domainDays[Int(key.headerFrom)].merge(tally.rows[Int(key.row)].days)
            }
            let sourceDomain = SourceDomain(row: key.row, headerFrom: key.headerFrom)
            traffic[sourceDomain, default: (0, 0)].messages.addSaturating(totals.messages)
            traffic[sourceDomain, default: (0, 0)].diagnoses |= bit(tally.diagnosis(of: key, retired: retired))
        }
        let ownEvidenceBits = bit(.aligned) | bit(.forwarded)
        // Relaxed alignment, each name's organisational domain looked up once (libpsl is the cost here).
        var organisational = [String?](repeating: nil, count: tally.names.names.count)
        func of(_ name: UInt32) -> String {
            if let known = organisational[Int(name)] { return known }
            let found = OrganisationalDomain.of(tally.names.names[Int(name)])
            organisational[Int(name)] = found
            return found
        }
        func isAligned(_ token: UInt32, with headerFrom: UInt32) -> Bool {
            guard !tally.names.names[Int(headerFrom)].isEmpty else { return false }
            let authenticated = tally.domain(ofToken: token)
            guard !tally.names.names[Int(authenticated)].isEmpty else {
                // A token with no domain (`d=`) was read as its kind's word ("d") before ids: kept, as rare as it is.
                let word = String(tally.text(ofToken: token).dropLast())
                return OrganisationalDomain.of(word) == of(headerFrom)
            }
            return of(authenticated) == of(headerFrom)
        }
        var senders: [Sender] = [.unknownSources, .unauthenticatedSources]
        let unknownSources = 0, unauthenticatedSources = 1
        // Many sources authenticate as the same domains: one sender (and one service look-up) per set of them.
        var senderOfTokens: [[UInt32]: Int] = [:]
        var tokensOfSender: [Int: [UInt32]] = [:]
        // Each token's text and service, worked out once (a token is in the sets of many senders).
        var tokenTexts: [UInt32: (text: String, service: String?)] = [:]
        func textAndService(_ token: UInt32) -> (text: String, service: String?) {
            if let known = tokenTexts[token] { return known }
            let text = tally.text(ofToken: token)
            let found = (text, Sender.service(ofToken: text))
            tokenTexts[token] = found
            return found
        }
        // The sender of a set of tokens, its name made from the tokens' ids (the texts' way, `Sender.init
        // (authenticatedAs:)`, splits every token's text: it is kept for a domain that begins with no ASCII
        // character, where splitting the text by characters may cut elsewhere).
        func sender(of tokens: [UInt32]) -> Sender {
            let named = tokens.map { (token: $0, text: textAndService($0)) }.sorted { $0.text.text < $1.text.text }
            let texts = named.map(\.text.text), service = Sender.service(among: named.map(\.text.service))
            var dkim: [String] = [], mailFrom: [String] = [], helo: [String] = []
            for (token, _) in named {
                let name = tally.names.names[Int(tally.domain(ofToken: token))]
                guard name.unicodeScalars.first?.isASCII ?? true else {
                    return Sender(sortedTokens: texts, service: service)
                }
                switch AuditTally.TokenKind(rawValue: token & 3)! {  // a token without a domain: its kind's word
                case .dkim: dkim.append(name.isEmpty ? "d" : name)
                case .mailFrom: mailFrom.append(name.isEmpty ? "mfrom" : name)
                case .helo: helo.append(name.isEmpty ? "helo" : name)
                }
            }
            return Sender(sortedTokens: texts, service: service, dkimDomains: dkim, mailFromDomains: mailFrom,
                          heloDomains: helo)
        }
        // A source's tokens, and so its sender, are the same for every domain it sends as: found once per source.
        var senderOfRow = [Int32](repeating: -1, count: tally.rows.count)
        var assigned = [Bool](repeating: false, count: 2)
        var senderOf: [SourceDomain: Int] = [:]
        senderOf.reserveCapacity(traffic.count)
        for (sourceDomain, traffic) in traffic {
            let row = Int(sourceDomain.row)
            let source = tally.sources.sources[row]
            let senderIndex: Int
            if senderOfRow[row] >= 0 {
                senderIndex = Int(senderOfRow[row])
            } else {
                var tokens: [UInt32] = []
                tally.rows[row].authenticatedAs.forEach { tokens.append($0) }
                tokens.sort()
                if let known = senderOfTokens[tokens] {
                    senderIndex = known
                } else {
                    senderIndex = senders.count
                    senders.append(sender(of: tokens))
                    assigned.append(false)
                    senderOfTokens[tokens] = senderIndex
                    tokensOfSender[senderIndex] = tokens
                }
                senderOfRow[row] = Int32(senderIndex)
            }
            let tokens = tokensOfSender[senderIndex]!
            let sender = senders[senderIndex]
            let authenticatesAsDomain = tokens.contains {
                isAligned($0, with: sourceDomain.headerFrom)
            }
            let ownEvidence = authenticatesAsDomain || traffic.diagnoses & ownEvidenceBits != 0
            let steady = rule.isSteady(days: tally.days(ofRow: row), messages: traffic.messages,
                                       domainMessages: domainMessages[Int(sourceDomain.headerFrom)],
                                       domainDays: domainDays[Int(sourceDomain.headerFrom)].count)
            let business = sender.service.map { !KnownService.mailboxServices.contains($0) } ?? false
            // What outside data says of the source: the domain's own network, or a business service's.
            let identity = enrichment.isEmpty ? nil : enrichment[source]
            let headerFrom = tally.names.names[Int(sourceDomain.headerFrom)]
            let ownNetwork = identity?.belongs(to: headerFrom) ?? false
            let serviceNetwork = identity?.service.flatMap(KnownService.withName).map { !$0.isFreeMailbox && !$0.isHosting }
                ?? false
            let chosen: Int
            switch (tokens.isEmpty, steady || business || ownEvidence || ownNetwork) {
            case (false, true):
                chosen = senderIndex
            case (true, _) where steady || ownNetwork || serviceNetwork:
                chosen = senders.count
                senders.append(.unauthenticated(source, label: identity?.label))
                assigned.append(false)
            case (true, _) where ownEvidence: chosen = unauthenticatedSources  // sporadic, with a broken signature of ours
            default: chosen = unknownSources
            }
            assigned[chosen] = true
            senderOf[sourceDomain] = chosen
        }
        // All the sources of one known service as one sender, over the domains of its senders that were chosen.
        var serviceTokens: [String: Set<String>] = [:]
        for (index, sender) in senders.enumerated() where assigned[index] {
            if let service = sender.service { serviceTokens[service, default: []].formUnion(sender.authenticatedAs) }
        }
        var merged: [Int] = Array(senders.indices)
        var serviceIndex: [String: Int] = [:]
        for (index, sender) in senders.enumerated() {
            guard let service = sender.service, let tokens = serviceTokens[service] else { continue }
            if let known = serviceIndex[service] {
                merged[index] = known
            } else {
                senders[index] = Sender(service: service, authenticatedAs: tokens)
                serviceIndex[service] = index
            }
        }
        return (senders, senderOf.mapValues { merged[$0] })
    }

    private static func bit(_ diagnosis: Diagnosis) -> UInt16 {
        1 << UInt16(Diagnosis.allCases.firstIndex(of: diagnosis)!)
    }

    /// Every source the tally counted: the addresses an enrichment of the audit looks up.
    public static func sources(of tally: AuditTally) -> Set<SourceIP> {
        Set(tally.sources.sources.indices.lazy.filter(tally.isCounted(row:)).map { tally.sources.sources[$0] })
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

    /// A source (row of the tally) and a `header_from` domain (id).
    private struct SourceDomain: Hashable {
        var row: UInt32
        var headerFrom: UInt32
    }
}
