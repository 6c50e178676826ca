/// Says who each source address is (`SourceEnrichment`), from local IP databases, reverse DNS answers found
/// beforehand, and the known services.
///
/// One enricher serves one run on one thread: views ask it for the addresses they print, and it remembers each
/// answer (a records view asks once per record). Reverse DNS is never asked from here: the caller looks the
/// printed addresses up first, all at once, and hands the answers in (`reverseNames`), so that this stays offline
/// and the same with or without `--resolve`.
public final class SourceEnricher {
    private let databases: [any IPDatabase]
    private let reverseNames: [IPAddress: ReverseName]
    private var known: [IPAddress: SourceEnrichment] = [:]
    private var openingWarnings: [EnrichmentWarning]
    private var warningsSaid = 0

    /// An enricher over `databases` (asked in order; a later one fills the fields an earlier one lacks) and the
    /// reverse DNS answers of the addresses the run prints (none without `--resolve`).
    public init(databases: [any IPDatabase], reverseNames: [IPAddress: ReverseName] = [:],
                warnings: [EnrichmentWarning] = []) {
        self.databases = databases
        self.reverseNames = reverseNames
        openingWarnings = warnings
    }

    /// Who `source` is; an unparsed `source_ip` (a masked address) is nobody known.
    public func enrichment(for source: SourceIP) -> SourceEnrichment {
        source.address.map(enrichment(for:)) ?? SourceEnrichment()
    }

    /// Who `address` is.
    public func enrichment(for address: IPAddress) -> SourceEnrichment {
        if let answer = known[address] { return answer }
        var network = NetworkFacts()
        for database in databases {
            if let facts = database.facts(for: address) { network = network.filling(from: facts) }
            if network.isComplete { break }
        }
        var enrichment = SourceEnrichment(network: network)
        if let reverse = reverseNames[address], let name = reverse.name {
            enrichment.ptr = name
            enrichment.ptrConfirmed = reverse.confirmed
        }
        // A PTR name anyone can set names a service only once it resolves back to the address.
        let byName = enrichment.ptrConfirmed == true ? enrichment.ptr.flatMap(KnownService.service(host:)) : nil
        enrichment.service = (byName ?? KnownService.service(network: network))?.name
        known[address] = enrichment
        return enrichment
    }

    /// Warnings not yet said: problems opening the databases, then those met while looking up (each once).
    public func takeWarnings() -> [EnrichmentWarning] {
        let all = openingWarnings + databases.flatMap(\.warnings)
        defer { warningsSaid = all.count }
        return Array(all.dropFirst(warningsSaid))
    }
}
