/// A sending service, known by the domains it authenticates as; or one steady source that authenticates as nothing;
/// or the unknown sources together.
public struct Sender: Hashable, Sendable, Comparable {
    /// `d=DOMAIN`, `mfrom=DOMAIN`, `helo=DOMAIN` tokens, sorted; empty when nothing ever authenticated.
    public let authenticatedAs: [String]
    /// The recognised service, when one of the domains belongs to one.
    public let service: String?
    /// What kind of sender this is.
    public let kind: Kind
    /// A short name for the table (see `makeName`), worked out once: tables sort and print by it.
    public let name: String
    /// For one source that authenticates as nothing: who outside data says it is (`SourceEnrichment.label`: a
    /// known service, the organisational domain of its confirmed PTR name, its AS domain or name), when known.
    public let sourceLabel: String?

    public enum Kind: Hashable, Sendable {
        /// Sources that authenticated as the same domains.
        case authenticated
        /// One steady source that authenticates as nothing (`SteadySourceRule`).
        case unauthenticatedSource(SourceIP)
        /// Sporadic sources that authenticate as nothing but carry the domain's signature, broken on the way.
        case unauthenticatedSources
        /// Sporadic sources that authenticate as nothing of the domain's: "unknown source failing everything".
        case unknownSources
    }

    init(authenticatedAs tokens: Set<String>) {
        let sorted = tokens.sorted()
        self.init(sortedTokens: sorted, service: Self.service(among: sorted.map(Self.service(ofToken:))))
    }

    /// The service that names a sender whose tokens (in order) belong to `services` (nil: to none): the first
    /// business service; a free mailbox service only when every token is a mailbox service's. A mailbox provider
    /// sends from shared addresses its customers' own domains pass from too (Google's for Workspace and Gmail):
    /// one forwarded message passing SPF for gmail.com must not name a Workspace domain's servers "Gmail".
    static func service(among services: [String?]) -> String? {
        let mailboxes = KnownService.mailboxServices
        if let business = services.lazy.compactMap({ $0 }).first(where: { !mailboxes.contains($0) }) {
            return business
        }
        guard services.allSatisfy({ $0 != nil }) else { return nil }
        return services.first ?? nil
    }

    /// The sender of `sortedTokens` (sorted as strings), whose `service` is `service(among:)` the tokens':
    /// `SenderAudit` looks each token up once, not once per sender.
    init(sortedTokens: [String], service: String?) {
        authenticatedAs = sortedTokens
        self.service = service
        kind = .authenticated
        sourceLabel = nil
        name = Self.makeName(kind: kind, service: service, authenticatedAs: authenticatedAs, sourceLabel: nil)
    }

    /// The sender of `sortedTokens` whose domains are split by kind already (each list in token order; a token
    /// without a domain as its kind's word, `d`): `SenderAudit` reads them from ids, not from the texts.
    init(sortedTokens: [String], service: String?, dkimDomains: [String], mailFromDomains: [String],
         heloDomains: [String]) {
        authenticatedAs = sortedTokens
        self.service = service
        kind = .authenticated
        sourceLabel = nil
        name = Self.authenticatedName(service: service, dkimDomains: dkimDomains, mailFromDomains: mailFromDomains,
                                      heloDomains: heloDomains)
    }

    /// The known service a token's domain belongs to.
    static func service(ofToken token: String) -> String? {
        KnownService.named(by: domain(of: token))
    }

    /// A known service's sender, over the domains all its sources authenticated as.
    init(service: String, authenticatedAs tokens: Set<String>) {
        authenticatedAs = tokens.sorted()
        self.service = service
        kind = .authenticated
        sourceLabel = nil
        name = service
    }

    private init(kind: Kind, sourceLabel: String? = nil) {
        authenticatedAs = []
        service = nil
        self.kind = kind
        self.sourceLabel = sourceLabel
        name = Self.makeName(kind: kind, service: nil, authenticatedAs: [], sourceLabel: sourceLabel)
    }

    static func unauthenticated(_ source: SourceIP, label: String? = nil) -> Sender {
        Sender(kind: .unauthenticatedSource(source), sourceLabel: label)
    }
    static let unknownSources = Sender(kind: .unknownSources)
    static let unauthenticatedSources = Sender(kind: .unauthenticatedSources)

    /// A short name for the table: the service's name; else the main authenticated domain, a DKIM signing domain
    /// first (a signature names the sender best), with "+N more" for the other domains (`example.com +2 more`),
    /// marked by what alone authenticates: "(SPF only)" when nothing signs (`bounce.example.com +1 more (SPF
    /// only)`), "(HELO only)" when SPF passes for HELO names alone, "(DKIM only)" when SPF passes for nothing;
    /// `unauthenticated 192.0.2.50` for a steady source that authenticates as nothing (`unauthenticated
    /// 192.0.2.50 (example.net)` when enrichment says whose it is), `unknown sources`.
    private static func makeName(kind: Kind, service: String?, authenticatedAs: [String], sourceLabel: String?)
        -> String {
        switch kind {
        case .unknownSources: return "unknown sources"
        case .unauthenticatedSources: return "unauthenticated"
        case .unauthenticatedSource(let source):
            return "unauthenticated \(source.text)" + (sourceLabel.map { " (\($0))" } ?? "")
        case .authenticated:
            if let service { return service }
            var dkimDomains: [String] = [], mailFrom: [String] = [], helo: [String] = []
            for token in authenticatedAs {  // one pass: a token has one of the prefixes
                if token.hasPrefix("d=") {
                    dkimDomains.append(Self.domain(of: token))
                } else if token.hasPrefix("mfrom=") {
                    mailFrom.append(Self.domain(of: token))
                } else if token.hasPrefix("helo=") {
                    helo.append(Self.domain(of: token))
                }
            }
            return authenticatedName(service: service, dkimDomains: dkimDomains, mailFromDomains: mailFrom,
                                     heloDomains: helo)
        }
    }

    /// The name of an authenticated sender (see `makeName`).
    private static func authenticatedName(service: String?, dkimDomains: [String], mailFromDomains: [String],
                                          heloDomains: [String]) -> String {
        if let service { return service }
        var domains: [String] = [], seen = Set<String>()
        for domain in dkimDomains + mailFromDomains + heloDomains where seen.insert(domain).inserted {
            domains.append(domain)
        }
        guard let main = domains.first else { return "unauthenticated" }
        let more = domains.count > 1 ? " +\(domains.count - 1) more" : ""
        // What authenticates tells senders with the same domains apart: a relay that passes SPF for its HELO
        // name only, a source that signs but passes no SPF (forwarded mail, a service that keeps its own return
        // path), and one that does both are three senders, and would be three rows of one name.
        let mark: String
        switch (dkimDomains.isEmpty, mailFromDomains.isEmpty, heloDomains.isEmpty) {
        case (true, true, _): mark = " (HELO only)"
        case (true, false, _): mark = " (SPF only)"
        case (false, true, true): mark = " (DKIM only)"
        case (false, _, _): mark = ""
        }
        return main + more + mark
    }

    /// The domains of passing DKIM signatures (`d=`), sorted.
    public var dkimDomains: [String] {
        authenticatedAs.filter { $0.hasPrefix("d=") }.map(Self.domain)
    }

    /// The domains SPF passed for (MAIL FROM, or HELO), sorted, each once.
    public var spfDomains: [String] {
        var seen = Set<String>()
        return authenticatedAs.filter { !$0.hasPrefix("d=") }.map(Self.domain).filter { seen.insert($0).inserted }.sorted()
    }

    private static func domain(of token: String) -> String {
        token.split(separator: "=", maxSplits: 1).last.map(String.init) ?? token
    }

    public static func < (lhs: Sender, rhs: Sender) -> Bool {
        (lhs.name, lhs.authenticatedAs.joined(separator: ",")) < (rhs.name, rhs.authenticatedAs.joined(separator: ","))
    }
}
