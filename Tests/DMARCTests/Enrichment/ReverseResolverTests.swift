import DMARC
import Foundation
import Testing

/// Reverse DNS against a real DNS server on loopback (`Tests/dns/dns-test-server.py`, see `DNSTestServer`):
/// names, forward confirmation, the cache and its TTLs, bad names, garbage answers and a server that is silent
/// (`Enrichment/ReverseResolver.swift`, `ReverseLookup.swift`, `AresChannel.swift`, `ReverseNameCache.swift`).
@Suite("Reverse DNS against a loopback server", .serialized)
struct ReverseResolverTests {
    private func temporaryCache() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("reverse-dns-\(UUID().uuidString).tsv").path
    }

    private func resolver(_ server: DNSTestServer, cache: String? = nil,
                          timeout: Duration = .seconds(2)) -> ReverseResolver {
        var resolver = ReverseResolver(server: DNSServerAddress(server.address)!, cachePath: cache)
        resolver.timeout = timeout
        return resolver
    }

    private let good = ["192.0.2.1", "198.51.100.7", "203.0.113.99", "2001:db8::5"].map { IPAddress($0)! }

    @Test func namesAndConfirmation() throws {
        let server = try DNSTestServer()
        let result = resolver(server).resolve(good)
        #expect(result.names == [
            IPAddress("192.0.2.1")!: ReverseName(name: "mail-1.example.com", confirmed: true),
            IPAddress("198.51.100.7")!: ReverseName(name: "relay-7.example.net", confirmed: false),
            IPAddress("203.0.113.99")!: ReverseName(name: nil, confirmed: false),
            IPAddress("2001:db8::5")!: ReverseName(name: "v6-20010db8000000000000000000000005.example.org",
                                                    confirmed: true),
        ])
        #expect(result.warnings.isEmpty)
        // Four PTR queries, then A or AAAA for the three names.
        #expect(result.queriesSent == 7)
        #expect(server.queries.sorted() == [
            "A mail-1.example.com.", "A relay-7.example.net.",
            "AAAA v6-20010db8000000000000000000000005.example.org.",
            "PTR 1.2.0.192.in-addr.arpa.", "PTR 5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
            "PTR 7.100.51.198.in-addr.arpa.", "PTR 99.113.0.203.in-addr.arpa.",
        ])
    }

    @Test func aSecondRunAsksNothing() throws {
        let server = try DNSTestServer()
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = resolver(server, cache: cache).resolve(good)
        let asked = server.queries.count
        #expect(asked == 7)
        let second = resolver(server, cache: cache).resolve(good)
        #expect(second.names == first.names)
        #expect(second.queriesSent == 0)
        #expect(second.fromCache == 4)
        #expect(server.queries.count == asked)
        // The TTLs are an hour: two hours later every address is asked again.
        let later = resolver(server, cache: cache).resolve(good, now: Date().addingTimeInterval(7200))
        #expect(later.names == first.names)
        #expect(server.queries.count == 2 * asked)
    }

    @Test func aZeroTTLIsNotKept() throws {
        let server = try DNSTestServer(ttl: 0)
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        _ = resolver(server, cache: cache).resolve(good)
        _ = resolver(server, cache: cache).resolve(good)
        #expect(server.queries.count == 14)
    }

    @Test func badNamesAndAnswersAreWarnings() throws {
        let server = try DNSTestServer()
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let addresses = ["192.0.2.250", "192.0.2.251", "192.0.2.252", "192.0.2.3"].map { IPAddress($0)! }
        let expected = [
            "the PTR name of 192.0.2.250, bad_name.example.com, is no host name: it holds '_', not only letters, "
                + "digits and hyphens",
            "the PTR name of 192.0.2.251, " + String(repeating: "a", count: 63) + "." + String(repeating: "a", count: 36)
                + "…, is no host name: the name is 319 bytes long (more than 253)",
            "the answer to the PTR query for 192.0.2.252 is malformed: the data of an answer runs past the end at byte 54",
        ]
        let result = resolver(server, cache: cache).resolve(addresses)
        #expect(result.warnings.map(\.description) == expected)
        #expect(result.names[IPAddress("192.0.2.250")!] == ReverseName(name: nil, confirmed: false))
        #expect(result.names[IPAddress("192.0.2.251")!] == ReverseName(name: nil, confirmed: false))
        #expect(result.names[IPAddress("192.0.2.3")!] == ReverseName(name: "mail-3.example.com", confirmed: true))
        // From the cache, a bad name gives the same warning; the malformed answer was not kept and is asked again.
        let again = resolver(server, cache: cache).resolve(addresses)
        #expect(again.warnings.map(\.description) == expected)
        #expect(again.queriesSent == 1)
    }

    @Test func garbageAnswersAreWarnings() throws {
        let server = try DNSTestServer(mode: "garbage")
        let addresses = (1...5).map { IPAddress("192.0.2.\($0)")! }
        let result = resolver(server).resolve(addresses)
        #expect(result.names.count == 5)
        #expect(result.names.values.allSatisfy { $0 == ReverseName(name: nil, confirmed: false) })
        #expect(result.warnings.count == 5)
        #expect(result.warnings.allSatisfy { $0.kind == .malformedAnswer })
        #expect(result.warnings.map(\.description).contains(
            "the answer to the PTR query for 192.0.2.1 is malformed: a name in the data of an answer "
                + "has a label of unknown type 0x80 at byte 52"))
    }

    @Test func aSilentServerIsOneWarning() throws {
        let server = try DNSTestServer(mode: "silent")
        let addresses = (1...40).map { IPAddress("192.0.2.\($0)")! }
        var resolver = resolver(server, timeout: .milliseconds(300))
        resolver.queriesInFlight = 16
        let result = resolver.resolve(addresses)
        #expect(result.names.count == 40)
        #expect(result.names.values.allSatisfy { $0.name == nil })
        // Once 16 queries went unanswered (and those sent as they timed out), the others are not sent.
        #expect(result.queriesSent >= 16 && result.queriesSent < 40)
        #expect(result.warnings.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.kind == .noAnswer)
        #expect(warning.description == "the DNS server \(server.address) did not answer "
                + "(\(result.queriesSent) queries waited 0.3 seconds each); 40 lookups of 40 left without a name")
    }
}
