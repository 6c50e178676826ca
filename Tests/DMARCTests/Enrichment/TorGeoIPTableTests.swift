import DMARC
import Foundation
import Testing

/// Countries from Debian's tor-geoipdb text layout: our own parser of bytes from outside.
@Suite("tor-geoipdb tables")
struct TorGeoIPTableTests {
    private func country(_ address: String, in table: TorGeoIPTable) -> String? {
        table.facts(for: IPAddress(address)!)?.country
    }

    @Test("Debian's tables are read when first asked, and only for their own family")
    func installedTablesReadOnlyForTheirFamily() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("geoip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("geoip").path
        try Data("# IPv4\n3221225984,3221226239,NL\n".utf8).write(to: URL(fileURLWithPath: path))  // 192.0.2.0/24
        let table = TorGeoIPTable(lazilyFrom: path, onlyIPv4: true)
        #expect(country("2001:db8::1", in: table) == nil)
        #expect(table.count == 0)  // an IPv6 lookup left the IPv4 file unread
        #expect(country("192.0.2.7", in: table) == "NL")
        #expect(table.count == 1)
    }

    @Test func theFixtureFilesOpenAsTables() {
        let opened = IPDatabases.open([fixture("enrichment/geoip"), fixture("enrichment/geoip6")])
        #expect(opened.warnings.isEmpty)
        #expect(opened.databases.count == 2)
        #expect(opened.databases[0].facts(for: IPAddress("192.0.2.9")!) == NetworkFacts(country: "SE"))
        #expect(opened.databases[0].facts(for: IPAddress("192.0.2.200")!) == nil)  // ?? is no country
        #expect(opened.databases[1].facts(for: IPAddress("2001:db8::1")!) == NetworkFacts(country: "BR"))
    }

    @Test func bothFamiliesAnyOrderAndNestedRanges() {
        let text = """
            # comment
            2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,nl
            3325256704,3325256959,CH\r
            0,16777215,??

            3221225984,3221226239,SE
            3221226000,3221226010,NO
            """
        let table = TorGeoIPTable(parsing: Array(text.utf8), path: "t")
        #expect(table.warnings.isEmpty)
        #expect(table.count == 4)
        #expect(country("198.51.100.255", in: table) == "CH")
        #expect(country("192.0.2.5", in: table) == "SE")
        #expect(country("192.0.2.20", in: table) == "NO")  // the narrower range wins
        #expect(country("192.0.2.30", in: table) == "SE")
        #expect(country("2001:db8::7", in: table) == "NL")
        #expect(country("0.0.0.1", in: table) == nil)
        #expect(country("::ffff:198.51.100.1", in: table) == nil)  // an IPv6 address is no IPv4 one
    }

    @Test("lines not of the layout are skipped and counted in one warning naming the first")
    func malformedLines() {
        let text = """
            1,2,US
            abc,def,US
            5,4,US
            1,2,USA
            1,4294967296,US
            1,2
            192.0.2.1,192.0.2.9,US
            2001:db8::,3221225984,FR
            3,3,F1
            """
        let table = TorGeoIPTable(parsing: Array(text.utf8), path: "geoip")
        #expect(table.count == 1)
        #expect(table.warnings.map(\.description)
                == ["geoip: warning: 8 lines not of the form FROM,TO,CC skipped (the first: line 2)"])
    }

    @Test func aFileThatIsNeitherKindIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-db-\(UUID().uuidString)").path
        try Data("hello\nworld\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let opened = IPDatabases.open([path])
        #expect(opened.databases.isEmpty)
        #expect(opened.warnings.map(\.message)
                == ["not a MaxMind DB (.mmdb) nor a tor-geoipdb table: The MaxMind DB file contains invalid metadata"])
    }

    @Test("random bytes never crash the parser", arguments: 0..<4)
    func randomBytes(seed: UInt64) {
        var generator = SplitMix(seed: seed)
        let alphabet = Array("0123456789abcdef:.,#?\nUSNL\r ".utf8)
        for _ in 0..<200 {
            let bytes = (0..<Int(generator.next() % 400)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let table = TorGeoIPTable(parsing: bytes, path: "fuzz")
            _ = table.facts(for: IPAddress("192.0.2.1")!)
            _ = table.facts(for: IPAddress("2001:db8::1")!)
        }
    }

    @Test("Debian's installed tables, when tor-geoipdb is installed: every line reads")
    func installedTables() throws {
        let paths = IPDatabases.torGeoIPPaths.filter { FileManager.default.isReadableFile(atPath: $0) }
        guard paths.count == 2 else { return }  // the package is not installed here
        for database in IPDatabases.installedTorGeoIP() {
            _ = database.facts(for: IPAddress(database.path.hasSuffix("6") ? "2001:4860::1" : "8.8.8.8")!)
            #expect(database.warnings.isEmpty, "\(database.warnings)")
            #expect((database as? TorGeoIPTable).map { $0.count > 100_000 } == true)
        }
    }
}

/// A small deterministic generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
