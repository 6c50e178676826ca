import DMARC
import Foundation
import Testing

/// `--ip-db` files read through libmaxminddb: the layouts of IPinfo Lite, DB-IP Lite and GeoLite2, and files that
/// are broken or of another kind (Fixtures/enrichment, written by make-ip-databases.py with PyPI's mmdb-writer).
@Suite("MaxMind DB files")
struct MaxMindDatabaseTests {
    private func open(_ names: String...) -> (databases: [any IPDatabase], warnings: [String]) {
        let opened = IPDatabases.open(names.map { fixture("enrichment/\($0)") })
        return (opened.databases, opened.warnings.map { Fixture.relative($0.description) })
    }

    private func facts(_ address: String, in database: any IPDatabase) -> NetworkFacts? {
        database.facts(for: IPAddress(address)!)
    }

    @Test func geoLite2CountryAndASNLayouts() throws {
        let (databases, warnings) = open("geolite2-country.mmdb", "geolite2-asn.mmdb")
        #expect(warnings.isEmpty)
        #expect(databases.count == 2)
        #expect(facts("192.0.2.1", in: databases[0]) == NetworkFacts(country: "US"))
        #expect(facts("192.0.2.200", in: databases[0]) == nil)  // the country file covers only 192.0.2.0/25
        #expect(facts("2001:db8::5", in: databases[0]) == NetworkFacts(country: "NL"))
        #expect(facts("192.0.2.1", in: databases[1]) == NetworkFacts(asn: 64500, asName: "Example Mail Hosting"))
        #expect(facts("2001:db8:1::1", in: databases[1]) == NetworkFacts(asn: 64502, asName: "Documentation Net"))
        #expect(facts("10.0.0.1", in: databases[1]) == nil)
        #expect(databases.allSatisfy { $0.warnings.isEmpty })
    }

    @Test func ipinfoLiteLayout() {
        let (databases, _) = open("ipinfo-lite.mmdb")
        #expect(facts("198.51.100.7", in: databases[0])
                == NetworkFacts(asn: 64501, asName: "SendGrid, Inc.", asDomain: "sendgrid.com", country: "DE"))
    }

    @Test func dbipCountryLiteLayout() {
        let (databases, _) = open("dbip-country-lite.mmdb")
        #expect(facts("203.0.113.9", in: databases[0]) == NetworkFacts(country: "FR"))
    }

    @Test("an IPv4-only database: IPv6 addresses find nothing, without a warning")
    func ipv4Only() {
        let (databases, warnings) = open("ipv4-only-asn.mmdb")
        #expect(warnings.isEmpty)
        #expect(facts("192.0.2.1", in: databases[0])?.asn == 64500)
        #expect(facts("2001:db8::1", in: databases[0]) == nil)
        #expect(databases[0].warnings.isEmpty)
    }

    @Test func theDatabaseTypeIsRead() throws {
        let database = try #require(open("geolite2-asn.mmdb").databases.first as? MaxMindDatabase)
        #expect(database.databaseType == "GeoLite2-ASN")
    }

    @Test("a City database without country or AS fields is refused with a warning saying so")
    func cityWithoutFields() {
        let (databases, warnings) = open("city-without-country.mmdb")
        #expect(databases.isEmpty)
        #expect(warnings == ["enrichment/city-without-country.mmdb: warning: no country or AS fields (country_code, "
                             + "country.iso_code, autonomous_system_number, asn, as_name) in this Example-City "
                             + "database: not used; use a country or ASN database"])
    }

    @Test("truncated, corrupted and missing files each give one warning naming the file, and no database")
    func brokenFiles() {
        let (databases, warnings) = open("truncated.mmdb", "corrupted.mmdb", "no-such-file.mmdb")
        #expect(databases.isEmpty)
        #expect(warnings == [
            "enrichment/truncated.mmdb: warning: not a MaxMind DB (.mmdb) nor a tor-geoipdb table: "
                + "The MaxMind DB file contains invalid metadata",
            "enrichment/corrupted.mmdb: warning: corrupt search tree (a record points past the data section): not used",
            "enrichment/no-such-file.mmdb: warning: cannot open: Error opening the specified MaxMind DB file",
        ])
    }

    @Test("any prefix of a database, and any byte of it overwritten, gives facts or a warning, never a crash")
    func everyCutAndFlip() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: fixture("enrichment/ipinfo-lite.mmdb")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mmdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let addresses = ["192.0.2.1", "198.51.100.7", "2001:db8::1", "203.0.113.1"].map { IPAddress($0)! }
        var opened = 0
        for index in stride(from: 0, to: whole.count, by: 7) {
            var flipped = whole
            flipped[index] ^= 0xA5
            for (name, bytes) in [("cut", whole.prefix(index)), ("flip", flipped)] {
                let path = folder.appendingPathComponent("\(name)-\(index).mmdb").path
                try bytes.write(to: URL(fileURLWithPath: path))
                let result = IPDatabases.open([path])
                #expect(result.databases.count + result.warnings.count == 1)
                for database in result.databases {
                    opened += 1
                    for address in addresses { _ = database.facts(for: address) }
                }
            }
        }
        #expect(opened > 0)
    }
}
