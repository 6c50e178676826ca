import ArgumentParser
import DMARC

/// `--resolve`, `--dns-server`: reverse DNS for the sources a view prints, the one option of the tool that uses the
/// network. Its answers fill the `ptr` and `ptr_confirmed` columns of the enrichment (`EnrichmentOptions`).
struct ReverseDNSOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Also look up the PTR name of each printed source, and whether it resolves back "
                             + "(ptr, ptr_confirmed; implies --enrich). Answers are cached in ~/.cache/dmarc-parse."))
    var resolve = false

    @Option(name: .customLong("dns-server"),
            help: ArgumentHelp("With --resolve: ask this DNS server (an address, port 53 unless given) instead of "
                               + "the system's resolver.", valueName: "host[:port]"),
            transform: { text in
                guard let server = DNSServerAddress(text) else {
                    throw ValidationError("--dns-server: '\(text)' is no IP address with an optional port "
                                          + "(192.0.2.1, 192.0.2.1:5353, [2001:db8::1]:5353)")
                }
                return server
            })
    var dnsServer: DNSServerAddress?

    /// How long one query waits (milliseconds): for the tests of a server that does not answer.
    @Option(name: .customLong("dns-timeout"), help: .hidden)
    var dnsTimeout: Int = 2000

    mutating func validate() throws {
        if dnsServer != nil && !resolve { throw ValidationError("--dns-server needs --resolve") }
        guard dnsTimeout > 0 else { throw ValidationError("--dns-timeout must be positive") }
    }

    /// The resolver of the run, with the cache in the user's cache folder; nil without `--resolve`.
    func resolver() -> ReverseResolver? {
        guard resolve else { return nil }
        var resolver = ReverseResolver(server: dnsServer, cachePath: ReverseNameCache.defaultPath(for: dnsServer))
        resolver.timeout = .milliseconds(dnsTimeout)
        return resolver
    }
}
