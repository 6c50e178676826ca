import Foundation
import Testing

/// `--resolve` and `--dns-server` end to end: the built tool asks a real DNS server on loopback
/// (`Tests/dns/dns-test-server.py`), fills `ptr` and `ptr_confirmed`, keeps its answers in the cache folder, and
/// turns bad answers and a silent server into warnings that leave the exit status alone.
@Suite("--resolve: reverse DNS end to end", .serialized)
struct ReverseDNSCommandTests {
    /// A cache folder of the test's own, as XDG_CACHE_HOME.
    private final class CacheFolder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dmarc-cache-\(UUID().uuidString)").path
        var environment: [String: String] { ["XDG_CACHE_HOME": path] }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// A folder holding one report whose records come from `sources`.
    private func reportFolder(sources: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dns-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let records = sources.map { source in
            """
            <record><row><source_ip>\(source)</source_ip><count>1</count><policy_evaluated><disposition>none\
            </disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row><identifiers>\
            <header_from>example.com</header_from></identifiers><auth_results><spf><domain>example.com</domain>\
            <result>fail</result></spf></auth_results></record>
            """
        }.joined(separator: "\n")
        let report = """
            <?xml version="1.0"?><feedback><report_metadata><org_name>dns.test</org_name><email>d@dns.test</email>\
            <report_id>dns-1</report_id><date_range><begin>1735689600</begin><end>1735775999</end></date_range>\
            </report_metadata><policy_published><domain>example.com</domain><p>none</p></policy_published>
            \(records)
            </feedback>
            """
        try Data(report.utf8).write(to: folder.appendingPathComponent("report.xml"))
        return folder.path
    }

    private let good = CLIRun.fixture("good")

    /// A small IP database of the fixtures: without one, enrichment reads Debian's tor-geoipdb when installed,
    /// which takes a debug build seconds per run (the columns checked here are reverse DNS's).
    private let ipDB = ["--ip-db", "Fixtures/enrichment/geolite2-asn.mmdb"]

    @Test func namesAndConfirmationOnSources() async throws {
        let server = try DNSTestServer()
        let cache = CacheFolder()
        let run = try await CLIRun(ipDB + ["-s", "--resolve", "--dns-server", server.address, "--format", "tsv", good],
                                   environment: cache.environment)
        #expect(run.status == 0)
        let columns = run.stdout.split(separator: "\n").map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let ptr = try #require(columns.first?.firstIndex(of: "ptr"))
        #expect(columns.first?[ptr + 1] == "ptr_confirmed")
        #expect(columns.map { [$0[0], $0[ptr], $0[ptr + 1]] } == [
            ["source_ip", "ptr", "ptr_confirmed"],
            ["198.51.100.7", "relay-7.example.net", "false"],
            ["192.0.2.1", "mail-1.example.com", "true"],
            ["192.0.2.2", "mail-2.example.com", "true"],
            ["2001:db8::1", "v6-20010db8000000000000000000000001.example.org", "true"],
            ["2001:db8::5", "v6-20010db8000000000000000000000005.example.org", "true"],
        ])
        #expect(!run.stderr.contains("warning"))
        #expect(server.queries.count == 10)  // five PTR, five A or AAAA
    }

    @Test("--records cannot read standard input twice: its records go without names, and a warning says so")
    func recordsFromStandardInputAreNotLookedUp() async throws {
        let server = try DNSTestServer()
        let cache = CacheFolder()
        let report = try Data(contentsOf: CLIRun.packageRoot
            .appendingPathComponent("Fixtures/sample/comcast.net!example.com!1735689600!1735775999.xml"))
        let run = try await CLIRun(ipDB + ["--records", "--resolve", "--dns-server", server.address, "--format", "tsv", "-"],
                                   input: report, environment: cache.environment)
        #expect(run.status == 0)
        #expect(run.stderr == "dmarc-parse: reverse DNS: warning: the records of standard input get no PTR names with "
                + "--records (it cannot be read twice: save it to a file)\n"
                + "dmarc-parse: 1 file read, 1 report, 0 duplicates, 0 files failed\n")
        #expect(server.queries.isEmpty)
    }

    @Test func aSecondRunSendsNoQuery() async throws {
        let server = try DNSTestServer()
        let cache = CacheFolder()
        let arguments = ipDB + ["-s", "--resolve", "--dns-server", server.address, "--format", "json", good]
        let first = try await CLIRun(arguments, environment: cache.environment)
        let asked = server.queries.count
        #expect(asked == 10)
        let second = try await CLIRun(arguments, environment: cache.environment)
        #expect(second.stdout == first.stdout)
        #expect(server.queries.count == asked)
        // The records view looks up the same sources: all in the cache too.
        let records = try await CLIRun(ipDB + ["--records", "--resolve", "--dns-server", server.address, "--format", "csv", good],
                                       environment: cache.environment)
        #expect(records.status == 0)
        #expect(records.stdout.contains(",192.0.2.2,5,reject,"))
        #expect(records.stdout.contains(",mail-2.example.com,true,"))
        #expect(server.queries.count == asked)
    }

    @Test func badNamesAndMalformedAnswersAreWarnings() async throws {
        let server = try DNSTestServer()
        let cache = CacheFolder()
        let folder = try reportFolder(sources: ["192.0.2.250", "192.0.2.251", "192.0.2.252", "192.0.2.3"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try await CLIRun(ipDB + ["-s", "--resolve", "--dns-server", server.address, "--format", "tsv", folder],
                                   environment: cache.environment)
        #expect(run.status == 0)
        #expect(run.stderr == """
            dmarc-parse: reverse DNS: warning: the PTR name of 192.0.2.250, bad_name.example.com, is no host name: \
            it holds '_', not only letters, digits and hyphens
            dmarc-parse: reverse DNS: warning: the PTR name of 192.0.2.251, \(String(repeating: "a", count: 63)).\
            \(String(repeating: "a", count: 36))…, is no host name: the name is 319 bytes long (more than 253)
            dmarc-parse: reverse DNS: warning: the answer to the PTR query for 192.0.2.252 is malformed: the data of \
            an answer runs past the end at byte 54
            dmarc-parse: 1 file read, 1 report, 0 duplicates, 0 files failed

            """)
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let ptr = try #require(rows.first?.firstIndex(of: "ptr"))
        let ptrs = rows.dropFirst().map { $0[ptr] }
        #expect(ptrs == ["mail-3.example.com", "", "", ""] || Set(ptrs) == ["mail-3.example.com", ""])
    }

    @Test func aServerSendingGarbage() async throws {
        let server = try DNSTestServer(mode: "garbage")
        let cache = CacheFolder()
        let folder = try reportFolder(sources: (1...8).map { "198.51.100.\($0)" })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try await CLIRun(ipDB + ["-s", "--resolve", "--dns-server", server.address, "--format", "tsv", folder],
                                   environment: cache.environment)
        #expect(run.status == 0)
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning") }
        // Three said, then how many more: not one line per source.
        #expect(warnings.count == 4)
        #expect(warnings.last == "dmarc-parse: reverse DNS: warning: 5 more malformed answers")
        #expect(run.stdout.split(separator: "\n").count == 9)
    }

    @Test func aSilentServerIsOneWarning() async throws {
        let server = try DNSTestServer(mode: "silent")
        let cache = CacheFolder()
        let run = try await CLIRun(ipDB + ["-s", "--resolve", "--dns-server", server.address, "--dns-timeout", "200",
                                    "--format", "tsv", good], environment: cache.environment)
        #expect(run.status == 0)
        #expect(run.stderr.split(separator: "\n").filter { $0.contains("warning") } == [
            "dmarc-parse: reverse DNS: warning: the DNS server \(server.address) did not answer 5 queries within "
                + "0.2 seconds; those sources have no name or no confirmation",
        ])
        #expect(run.stdout.split(separator: "\n").count == 6)
        // Nothing was learnt, so nothing is kept: the next run asks again.
        _ = try await CLIRun(ipDB + ["-s", "--resolve", "--dns-server", server.address, "--dns-timeout", "200", good],
                             environment: cache.environment)
        #expect(server.queries.count == 10)
    }

    @Test func withoutResolveNothingIsAsked() async throws {
        let cache = CacheFolder()
        let run = try await CLIRun(ipDB + ["-s", "--format", "tsv", good], environment: cache.environment)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("source_ip\tmessages"))
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }

    /// The README's example (its server's port stands for the test server's): the same rows, the cache file named.
    @Test func readmeExample() async throws {
        let readme = try String(contentsOf: CLIRun.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n").drop { !$0.hasPrefix("  $ dmarc-parse -s --resolve") }
            .prefix { $0 != "  ```" }.map { String($0.dropFirst(2)) }
        let command = try #require(lines.first)
        let listing = try #require(lines.firstIndex(of: "$ ls ~/.cache/dmarc-parse"))
        let server = try DNSTestServer()
        let cache = CacheFolder()
        let arguments = command.dropFirst("$ dmarc-parse ".count).split(separator: " | ")[0].split(separator: " ")
            .map { $0 == "127.0.0.1:5353" ? server.address : String($0) }
        let run = try await CLIRun(ipDB + arguments, environment: cache.environment)
        // The fields of the command's `cut -f`, 1-based.
        let fields = try #require(command.split(separator: "| cut -f").last).split(separator: ",").compactMap { Int($0) }
        let shown = run.stdout.split(separator: "\n").map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.map { String(cells[$0 - 1]) }.joined(separator: "\t")
        }
        #expect(shown == Array(lines[1..<listing]))
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/dmarc-parse")
        #expect(files == [lines[listing + 1].replacingOccurrences(of: "5353", with: String(server.port))])
    }

    @Test(arguments: [
        (["-s", "--dns-server", "127.0.0.1"], "--dns-server needs --resolve"),
        (["-s", "--resolve", "--dns-server", "dns.example.com"],
         "--dns-server: 'dns.example.com' is no IP address with an optional port"),
        (["--resolve"], "--resolve names the sources of -s, --records, --audit or --html: add one"),
    ])
    func usageErrors(arguments: [String], message: String) async throws {
        let run = try await CLIRun(arguments + [good])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message))
    }
}
