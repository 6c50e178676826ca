import Foundation

/// Reverse DNS for a set of addresses: the PTR name of each, checked to be a host name, and confirmed by looking
/// the name up again (A or AAAA) and finding the address. Many queries go out at once (c-ares, `AresChannel`), each
/// waits `timeout` once; answers are read by our `DNSMessage`. What a cache file holds is not asked again.
///
/// Nothing here fails the run: bad answers, bad names, a server that does not answer end in warnings, and those
/// sources in no name.
public struct ReverseResolver: Sendable {
    /// The server to ask; nil: those of /etc/resolv.conf.
    public var server: DNSServerAddress?
    /// How long one query waits for its answer.
    public var timeout: Duration = .seconds(2)
    /// Queries sent and not yet answered, at most.
    public var queriesInFlight = 128
    /// The cache file; nil: no cache.
    public var cachePath: String?

    public init(server: DNSServerAddress? = nil, cachePath: String? = nil) {
        self.server = server
        self.cachePath = cachePath
    }

    /// Looks up every address (each once); `now` decides what in the cache has expired.
    public func resolve(_ addresses: some Sequence<IPAddress>, now: Date = Date()) -> ReverseLookupResult {
        let clock = Int64(now.timeIntervalSince1970)
        var warnings: [ReverseLookupWarning] = []
        var cache = ReverseNameCache()
        if let cachePath {
            do {
                cache = try ReverseNameCache(contentsOf: cachePath, now: clock)
            } catch {
                warnings.append(ReverseLookupWarning(.cache, error.description))
            }
        }
        let lookup = ReverseLookup(cache: cache, now: clock)
        // In order, so that the queries (a server's log) and the warnings come in the same order every run.
        var asked: [IPAddress] = []
        for address in Set(addresses).sorted() {
            if let entry = cache.entries[address] {
                lookup.finish(address, name: entry.name, confirmed: entry.confirmed)
            } else {
                asked.append(address)
            }
        }
        if asked.isEmpty {
            warnings += lookup.warnings  // bad names the cache held
        } else {
            do {
                let channel = try AresChannel(server: server, timeout: timeout)
                lookup.run(asked, on: channel, inFlight: max(queriesInFlight, 1))
                let serverName = server.map { "the DNS server \($0)" } ?? "the system's DNS resolver"
                warnings += lookup.warnings + lookup.closingWarnings(server: serverName, timeout: timeout,
                                                                     addresses: asked.count)
            } catch {
                warnings += lookup.warnings
                warnings.append(ReverseLookupWarning(.noAnswer, "\(error.description); no source is named"))
                asked.forEach { lookup.finish($0, name: nil, confirmed: false) }
            }
        }
        if let cachePath, lookup.cache.changed {
            do {
                try lookup.cache.write(to: cachePath, now: clock)
            } catch {
                warnings.append(ReverseLookupWarning(.cache, error.description))
            }
        }
        return ReverseLookupResult(names: lookup.names, warnings: warnings,
                                   queriesSent: lookup.queriesSent, fromCache: lookup.names.count - asked.count)
    }
}

/// What `ReverseResolver.resolve` found.
public struct ReverseLookupResult: Sendable {
    /// Every address asked for: its valid PTR name (or nil) and whether it was confirmed.
    public var names: [IPAddress: ReverseName]
    /// In the order met; the server's silence and its errors once each, at the end.
    public var warnings: [ReverseLookupWarning]
    /// Queries sent over the network (0 when the cache knew every address).
    public var queriesSent: Int
    /// Addresses the cache answered.
    public var fromCache: Int
}
