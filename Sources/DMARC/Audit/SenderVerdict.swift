/// One sender's traffic for one `header_from` domain, and the verdict.
public struct SenderVerdict: Sendable {
    public let sender: Sender
    public let headerFrom: String
    public private(set) var totals = MessageTotals()
    /// Messages per diagnosis.
    public private(set) var messagesByDiagnosis: [Diagnosis: UInt64] = [:]
    /// Messages per source address.
    public private(set) var messagesBySource: [SourceIP: UInt64] = [:]

    /// The organisational domains of the reports' policy domains: the admin's own.
    let ownDomains: Set<String>
    /// The DKIM keys (`selector._domainkey.domain`) that fail for good, by failing messages.
    private var failingKeys: [String: UInt64] = [:]

    init(sender: Sender, headerFrom: String, ownDomains: Set<String> = []) {
        self.sender = sender
        self.headerFrom = headerFrom
        self.ownDomains = ownDomains
    }

    mutating func add(_ counts: MessageTotals, from source: SourceIP, diagnosis: Diagnosis) {
        totals.add(counts)
        messagesByDiagnosis[diagnosis, default: 0].addSaturating(counts.messages)
        messagesBySource[source, default: 0].addSaturating(counts.messages)
    }

    /// Counts `messages` whose signature by the key named `name` fails for good (`dkimFailsForDomain`).
    mutating func addFailingKey(_ name: String, messages: UInt64) {
        failingKeys[name, default: 0].addSaturating(messages)
    }

    /// The key that fails for most of the messages (by name on a tie), when the reports name a selector.
    public var mostFailingKey: String? {
        failingKeys.min { ($1.value, $0.key) < ($0.value, $1.key) }?.key
    }

    /// The verdict, by what the admin must do:
    /// - `aligned` when nothing fails, or when every failing message is forwarded or mailing-list traffic and some
    ///   mail passes (`forwardedShare` says how much was forwarded);
    /// - `forwarded` when all its mail is forwarded traffic that fails;
    /// - else the failing diagnosis with the most messages, forwarded traffic left aside.
    public var diagnosis: Diagnosis {
        // The most messages, the first diagnosis (`Diagnosis.allCases` order) on a tie: one pass, nothing copied
        // (views ask for it several times per row).
        var worst: (key: Diagnosis, value: UInt64)?
        for (key, value) in messagesByDiagnosis where key != .aligned && key != .forwarded && value > 0 {
            if let known = worst, !((known.value, key) < (value, known.key)) { continue }
            worst = (key, value)
        }
        if let worst { return worst.key }
        let forwarded = messagesByDiagnosis[.forwarded, default: 0]
        return forwarded > 0 && totals.dmarcPass == 0 ? .forwarded : .aligned
    }

    /// What to do: the diagnosis's action, said for this sender where it knows more — a personal mailbox, another
    /// domain of the admin's, another account at a service set up for the rest, a sender that may be a spoofer,
    /// the failing key's name, a name of the domain's own that strict alignment refuses, an alignment by SPF alone.
    public var action: String {
        let diagnosis = self.diagnosis
        let said = specificAction(for: diagnosis) ?? diagnosis.action
        // One steady address that authenticates as nothing may be a spoofer's: the action says so, as
        // `likelySpoofing`'s does.
        if case .unauthenticatedSource = sender.kind,
           diagnosis == .dkimFailsForDomain || diagnosis == .noDKIMSignature {
            return said + Self.ifNotYours
        }
        return said
    }

    private static let ifNotYours = "; if it is not yours, it spoofs you, and p=quarantine or p=reject stops it"

    /// The action said for this sender where it says more than `diagnosis.action`; nil where it does not.
    private func specificAction(for diagnosis: Diagnosis) -> String? {
        let isAlignedName = { (domain: String) in
            OrganisationalDomain.isAligned(domain, with: self.headerFrom, mode: .relaxed)
        }
        if diagnosis == .dkimNotAligned || diagnosis == .spfNotAligned,
           let service = personalMailboxService(passing: diagnosis == .dkimNotAligned ? sender.dkimDomains
                                                    : sender.spfDomains, isAlignedName: isAlignedName) {
            return "someone sends as \(headerFrom) from a personal \(service) mailbox, which cannot sign with your "
                + "domain: have them send through your own mail service (under p=reject this mail is lost)"
        }
        // Signed as another domain of the admin's own (a second domain in the same Workspace or ESP account): the
        // fix is a key for this domain there, and it is no spoofer.
        if diagnosis == .dkimNotAligned {
            let others = sender.dkimDomains.filter { !isAlignedName($0) }
            if let other = others.first, others.allSatisfy({ ownDomains.contains(OrganisationalDomain.of($0)) }) {
                return "it signs as \(other), another domain of yours: sign \(headerFrom)'s mail as \(headerFrom) "
                    + "(a DKIM key under \(headerFrom) where it is sent from)"
            }
        }
        if diagnosis == .dkimNotAligned || diagnosis == .spfNotAligned {
            // A service that passes aligned for part of the mail has the domain set up: the rest comes from another
            // account, subuser or sending stream there (the service's addresses are shared), the one to fix.
            let aligned = messagesByDiagnosis[.aligned, default: 0]
            if let service = sender.service, aligned > 0 {
                let failing = messagesByDiagnosis[diagnosis, default: 0]
                return "\(NumberText.grouped(aligned)) of its messages pass aligned with \(headerFrom), but "
                    + "\(NumberText.grouped(failing)) are \(diagnosis == .dkimNotAligned ? "signed" : "authenticated") "
                    + "only as another domain: another \(service) account, subuser or sending domain without "
                    + "\(headerFrom) set up; sign with your own domain there too (a DKIM key under your domain)"
            }
            // A sender no service is known for, authenticating as nothing of the domain's, may not be the domain's.
            let domains = diagnosis == .dkimNotAligned ? sender.dkimDomains : sender.spfDomains
            if case .authenticated = sender.kind, sender.service == nil, !domains.contains(where: isAlignedName) {
                return "if it sends for you, sign its mail with your own domain (a DKIM key under your domain)"
                    + Self.ifNotYours
            }
        }
        let isOwnName = { (domain: String) in domain != self.headerFrom && isAlignedName(domain) }
        switch diagnosis {
        case .dkimFailsForDomain:
            if let key = mostFailingKey {
                return "publish the DKIM key this source signs with, \(key), or replace it where receivers refuse it "
                    + "(the record is missing, stale or too weak a key: --dkim shows each selector's results)"
            }
        case .aligned:
            // SPF alone aligns: forwarding breaks it, a signature survives (the receiver's DMARC then fails it).
            if sender.spfDomains.contains(where: isAlignedName) && !sender.dkimDomains.contains(where: isAlignedName) {
                return "nothing to do; aligned by SPF alone, which forwarding breaks: a DKIM key under your domain "
                    + "keeps its mail passing"
            }
        case .dkimStrictAlignment:
            if let own = sender.dkimDomains.first(where: isOwnName) {
                return "sign with exactly \(headerFrom) (d=\(headerFrom)), or set adkim=r in your DMARC record: it signs "
                    + "as \(own), which strict alignment refuses"
            }
        case .spfStrictAlignment:
            // DKIM first: a sending service's return path is a subdomain (its bounces go to the service), never the
            // From domain itself, and a signature survives forwarding.
            if let own = sender.spfDomains.first(where: isOwnName) {
                return "sign its mail with DKIM as \(headerFrom) (d=\(headerFrom)), or set aspf=r in your DMARC "
                    + "record: SPF passes for \(own), and strict alignment accepts only \(headerFrom) itself as "
                    + "the return-path (MAIL FROM) domain"
            }
        default:
            break
        }
        return nil
    }

    /// The free mailbox service the sender is, or whose domains are all the other domains it passes for
    /// (`domains`, those not aligned with `header_from`): a Workspace domain's servers carry its users' personal
    /// Gmail too.
    private func personalMailboxService(passing domains: [String], isAlignedName: (String) -> Bool) -> String? {
        let mailboxes = KnownService.mailboxServices
        if let service = sender.service { return mailboxes.contains(service) ? service : nil }
        let others = domains.filter { !isAlignedName($0) }
        let services = others.map { KnownService.named(by: $0) }
        guard let first = services.first ?? nil, services.allSatisfy({ $0.map(mailboxes.contains) ?? false }) else {
            return nil
        }
        return first
    }

    /// Messages diagnosed as forwarded or mailing-list traffic.
    public var forwardedMessages: UInt64 { messagesByDiagnosis[.forwarded, default: 0] }

    /// Share of messages that were forwarded traffic failing DMARC, 0...1.
    public var forwardedShare: Double {
        totals.messages == 0 ? 0 : Double(forwardedMessages) / Double(totals.messages)
    }

    /// Sources by messages, most first.
    public var sources: [(source: SourceIP, messages: UInt64)] {
        messagesBySource.map { ($0.key, $0.value) }.sorted {
            $0.messages != $1.messages ? $0.messages > $1.messages : $0.source.text < $1.source.text
        }
    }

    /// The first `limit` of `sources` (most messages first, then by address text), picked without sorting them
    /// all: a sender of unknown sources has tens of thousands.
    public func topSources(_ limit: Int) -> [(source: SourceIP, messages: UInt64)] {
        func precedes(_ a: (source: SourceIP, messages: UInt64), _ b: (source: SourceIP, messages: UInt64)) -> Bool {
            a.messages != b.messages ? a.messages > b.messages : a.source.text < b.source.text
        }
        var top: [(source: SourceIP, messages: UInt64)] = []
        guard limit > 0 else { return top }
        top.reserveCapacity(limit + 1)
        for (source, messages) in messagesBySource {
            let entry = (source: source, messages: messages)
            if top.count == limit, !precedes(entry, top[limit - 1]) { continue }
            // After the entries it does not precede: ties keep the order met, as the stable sort of `sources`.
            var index = top.count
            while index > 0 && precedes(entry, top[index - 1]) { index -= 1 }
            top.insert(entry, at: index)
            if top.count > limit { top.removeLast() }
        }
        return top
    }

    /// Share of messages passing DMARC, 0...1.
    public var passRate: Double {
        totals.messages == 0 ? 1 : Double(totals.dmarcPass) / Double(totals.messages)
    }
}
