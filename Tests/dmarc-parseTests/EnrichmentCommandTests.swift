import Foundation
import Testing

/// "Who is this source?": `--ip-db` and `--enrich` on `-s`, `--records`, `--audit` and `--html`, over
/// `Fixtures/cli/good` and the IP databases of `Fixtures/enrichment` (written by make-ip-databases.py).
@Suite("Enrichment")
struct EnrichmentCommandTests {
    let good = CLIRun.fixture("good")
    let country = "Fixtures/enrichment/geolite2-country.mmdb"
    let asn = "Fixtures/enrichment/geolite2-asn.mmdb"
    let ipinfo = "Fixtures/enrichment/ipinfo-lite.mmdb"

    @Test("-s with a country and an ASN database: six more columns, in a fixed order")
    func statisticsTSV() async throws {
        let run = try await CLIRun(["-s", "--format", "tsv", "--ip-db", country, "--ip-db", asn, good])
        #expect(run.status == 0)
        #expect(run.stdout == """
            source_ip\tmessages\tdmarc_pass\tdmarc_fail\tdkim_pass\tspf_pass\tnone\tquarantine\treject\tpass\treporters\theader_from\tptr\tptr_confirmed\tservice\tasn\tas_name\tcountry
            198.51.100.7\t20\t20\t0\t20\t0\t20\t0\t0\t0\tYahoo\texample.org\t\t\t\t64501\tSendGrid, Inc.\tDE
            192.0.2.1\t10\t10\t0\t10\t10\t10\t0\t0\t0\tgoogle.com\texample.com\t\t\t\t64500\tExample Mail Hosting\tUS
            192.0.2.2\t9\t0\t9\t0\t0\t0\t4\t5\t0\tYahoo,google.com\texample.com,example.org\t\t\t\t64500\tExample Mail Hosting\tUS
            2001:db8::1\t3\t3\t0\t0\t3\t3\t0\t0\t0\tgoogle.com\texample.com\t\t\t\t64502\tDocumentation Net\tNL
            2001:db8::5\t2\t0\t2\t0\t0\t0\t0\t2\t0\tYahoo\texample.org\t\t\t\t64502\tDocumentation Net\tNL

            """)
    }

    @Test("json: null for what is unknown, numbers for AS numbers; the service from the AS domain")
    func statisticsJSON() async throws {
        let run = try await CLIRun(["-s", "--format", "ndjson", "--ip-db", ipinfo, good])
        let first = run.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasSuffix(#""ptr":null,"ptr_confirmed":null,"service":"SendGrid","asn":64501,"as_name":"SendGrid, Inc.","country":"DE"}"#))
    }

    @Test("--records: the columns after every other, in table, tsv and the export formats")
    func records() async throws {
        let tsv = try await CLIRun(["--records", "--format", "tsv", "--ip-db", ipinfo, good])
        let header = tsv.stdout.split(separator: "\n").first ?? ""
        #expect(header.hasSuffix("spf_auth\tptr\tptr_confirmed\tservice\tasn\tas_name\tcountry"))
        #expect(tsv.stdout.contains("\t198.51.100.7\t20\t"))
        #expect(tsv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 20 })
        let csv = try await CLIRun(["--records", "--format", "csv", "--ip-db", ipinfo, good])
        #expect(csv.stdout.hasPrefix("reporter,") && csv.stdout.contains("dmarc_result_source,ptr,ptr_confirmed,service,asn,as_name,country\r\n"))
        // Without enrichment nothing changes.
        let plain = try await CLIRun(["--records", "--format", "tsv", good])
        #expect(!plain.stdout.contains("ptr"))
    }

    @Test("the audit's top sources say who each is, as text and as JSON members")
    func audit() async throws {
        let tsv = try await CLIRun(["--audit", "--format", "tsv", "--ip-db", ipinfo, good])
        #expect(tsv.stdout.contains("\t198.51.100.7 (20; SendGrid; AS64501 SendGrid, Inc.; DE)\t"))
        let json = try await CLIRun(["--audit", "--format", "json", "--ip-db", ipinfo, good])
        #expect(json.stdout.contains(#"{"ip":"198.51.100.7","messages":20,"ptr":null,"ptr_confirmed":null,"service":"SendGrid","asn":64501,"as_name":"SendGrid, Inc.","country":"DE"}"#))
        // 2001:db8::5 authenticates as nothing, but its network's AS domain is example.org's: its own server.
        #expect(tsv.stdout.contains("unauthenticated 2001:db8::5 (example.org)\texample.org\t"))
    }

    @Test("the HTML report's failing sources gain name, network and country")
    func html() async throws {
        let run = try await CLIRun(["--html", "-", "--ip-db", ipinfo, good])
        #expect(run.status == 0)
        #expect(run.stdout.contains(#"<th scope="col">network</th><th scope="col">country</th>"#))
        #expect(run.stdout.contains("<td>AS64500 Example Mail Hosting</td><td>US</td>"))
    }

    @Test("a broken or wrong database: one warning naming it and what was wrong, the run goes on, exit 0")
    func badDatabases() async throws {
        let run = try await CLIRun(["-s", "--format", "tsv", "--ip-db", "Fixtures/enrichment/truncated.mmdb",
                                    "--ip-db", "Fixtures/enrichment/city-without-country.mmdb",
                                    "--ip-db", "Fixtures/enrichment/corrupted.mmdb", "--ip-db", asn, good])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\t64501\tSendGrid, Inc.\t\n"))
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning") }
        #expect(warnings == [
            "dmarc-parse: Fixtures/enrichment/truncated.mmdb: warning: not a MaxMind DB (.mmdb) nor a tor-geoipdb table: The MaxMind DB file contains invalid metadata",
            "dmarc-parse: Fixtures/enrichment/city-without-country.mmdb: warning: no country or AS fields (country_code, country.iso_code, autonomous_system_number, asn, as_name) in this Example-City database: not used; use a country or ASN database",
            "dmarc-parse: Fixtures/enrichment/corrupted.mmdb: warning: corrupt search tree (a record points past the data section): not used",
        ])
        // A file that failed still speaks louder: exit 1 for the reports only.
        let failing = try await CLIRun(["-s", "--ip-db", "Fixtures/enrichment/truncated.mmdb", good, "Fixtures/cli/no-such-file"])
        #expect(failing.status == 1)
    }

    @Test("tor-geoipdb tables: named with --ip-db")
    func torTables() async throws {
        let run = try await CLIRun(["-s", "--format", "tsv", "--ip-db", "Fixtures/enrichment/geoip",
                                    "--ip-db", "Fixtures/enrichment/geoip6", good])
        #expect(run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).last! }
                == ["CH", "SE", "SE", "BR", "BR"])
    }

    @Test("--enrich and --ip-db only with a view that prints sources")
    func usage() async throws {
        let run = try await CLIRun(["--enrich", "--domains", good])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--enrich and --ip-db name the sources of -s, --records, --audit or --html"))
    }
}
