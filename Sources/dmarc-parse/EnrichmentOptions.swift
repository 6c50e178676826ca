import ArgumentParser
import DMARC

/// The options that say who each source is: `--enrich`, `--ip-db FILE` (repeatable). With either, `-s`,
/// `--records`, the audit and the HTML report gain the columns of `EnrichmentView`.
struct EnrichmentOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Name each source: ptr, service, asn, as_name, country columns, from local data "
                             + "(--ip-db, else Debian's tor-geoipdb for countries). Nothing goes to the network."))
    var enrich = false

    @Option(name: .customLong("ip-db"), parsing: .singleValue,
            help: ArgumentHelp("A MaxMind DB (IPinfo Lite, DB-IP Lite, GeoLite2 Country/ASN) or tor geoip file "
                               + "for asn, as_name and country (repeatable; implies --enrich).", valueName: "file"),
            completion: .file())
    var ipDatabases: [String] = []

    /// Whether the enrichment columns are on.
    var isOn: Bool { enrich || !ipDatabases.isEmpty }

    /// The run's enrichment, or nil when it is off. Opening a database that is broken or of another kind says so
    /// (in the enricher's warnings) and goes on without it.
    /// `resolver`: reverse DNS (`--resolve`), which turns enrichment on too.
    func enrichment(resolver: ReverseResolver? = nil) -> Enrichment? {
        guard isOn || resolver != nil else { return nil }
        return Enrichment(ipDatabasePaths: ipDatabases, resolver: resolver)
    }
}

/// What a run needs to name sources: the databases, opened once, and then an enricher per set of printed addresses.
final class Enrichment {
    private let databases: [any IPDatabase]
    private let openingWarnings: [EnrichmentWarning]

    /// Reverse DNS (`--resolve`); nil: no PTR names, nothing goes to the network.
    let resolver: ReverseResolver?

    init(ipDatabasePaths: [String], resolver: ReverseResolver? = nil) {
        self.resolver = resolver
        if ipDatabasePaths.isEmpty {
            databases = IPDatabases.installedTorGeoIP()
            openingWarnings = databases.isEmpty ? [EnrichmentWarning(
                "no --ip-db, and Debian's tor-geoipdb is not installed (\(IPDatabases.torGeoIPPaths[0])): "
                    + "no network or country data", in: "--enrich")] : []
        } else {
            (databases, openingWarnings) = IPDatabases.open(ipDatabasePaths)
        }
    }

    /// Whether `enricher(for:)` needs every address a view prints before it prints (reverse DNS asks them all at
    /// once); the IP databases do not, so `--records` can stream without a first pass.
    var needsAddressesFirst: Bool { resolver != nil }

    /// The enricher for a view that prints these addresses. The one place a run learns the addresses it prints
    /// before printing them: reverse DNS (`--resolve`) is asked here, once, for all of them.
    func enricher(for addresses: [IPAddress]) -> SourceEnricher {
        guard let resolver else { return SourceEnricher(databases: databases, warnings: openingWarnings) }
        let lookup = resolver.resolve(addresses)
        return SourceEnricher(databases: databases, reverseNames: lookup.names,
                              warnings: openingWarnings + Self.shortened(lookup.warnings))
    }

    /// The reverse DNS warnings as said: the first three of each kind, then how many more (a server sending
    /// garbage would else give one line per source).
    private static func shortened(_ warnings: [ReverseLookupWarning]) -> [EnrichmentWarning] {
        var said: [ReverseLookupWarning.Kind: Int] = [:]
        var lines: [EnrichmentWarning] = []
        for warning in warnings {
            said[warning.kind, default: 0] += 1
            if said[warning.kind]! <= 3 { lines.append(EnrichmentWarning(warning.message, in: "reverse DNS")) }
        }
        for (kind, count) in said.sorted(by: { "\($0.key)" < "\($1.key)" }) where count > 3 {
            let what = kind == .invalidName ? "PTR names that are no host names" : "malformed answers"
            lines.append(EnrichmentWarning("\(count - 3) more \(what)", in: "reverse DNS"))
        }
        return lines
    }
}
