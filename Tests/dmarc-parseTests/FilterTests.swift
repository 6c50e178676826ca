import Testing

@Suite("Filters")
struct FilterTests {
    let good = CLIRun.fixture("good")

    private func sources(_ arguments: [String]) async throws -> [String] {
        let run = try await CLIRun(["-s", "--format", "tsv"] + arguments + [good])
        #expect(run.status == 0)
        return run.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
    }

    @Test func includeIPv4Range() async throws {
        #expect(try await sources(["--include-ips", "192.0.2.0/24"]) == ["192.0.2.1", "192.0.2.2"])
    }

    @Test func includeIPv6Range() async throws {
        #expect(try await sources(["--include-ips", "2001:db8::/126"]) == ["2001:db8::1"])
    }

    @Test func excludeWinsOverInclude() async throws {
        #expect(try await sources(["--include-ips", "192.0.2.0/24,2001:db8::/32", "--exclude-ips", "192.0.2.2",
                                   "--exclude-ips", "2001:DB8::5"]) == ["192.0.2.1", "2001:db8::1"])
    }

    @Test func failingOnly() async throws {
        #expect(try await sources(["--failing"]) == ["192.0.2.2", "2001:db8::5"])
    }

    @Test func domainAndReporter() async throws {
        #expect(try await sources(["--domain", "EXAMPLE.ORG"]) == ["198.51.100.7", "192.0.2.2", "2001:db8::5"])
        #expect(try await sources(["--reporter", "google.com"]) == ["192.0.2.1", "192.0.2.2", "2001:db8::1"])
    }

    @Test func dateRange() async throws {
        #expect(try await sources(["--since", "2025-01-02"]) == ["198.51.100.7", "192.0.2.2", "2001:db8::5"])
        #expect(try await sources(["--until", "2025-01-02T00:00:00Z"]) == ["192.0.2.1", "192.0.2.2", "2001:db8::1"])
    }

    @Test func filteredReportsLeaveTheReporterView() async throws {
        let run = try await CLIRun(["--format", "tsv", "--include-ips", "198.51.100.0/24", good])
        #expect(run.stdout.split(separator: "\n").count == 2)
        #expect(run.stdout.contains("Yahoo\t1\texample.org"))
    }

    @Test(arguments: ["192.0.2.0/33", "192.0.2", "2001:db8::/129", "example.com", "10.0.0.1/8x"])
    func invalidEntryIsAUsageErrorNamingIt(entry: String) async throws {
        let run = try await CLIRun(["--include-ips", "192.0.2.1," + entry, good])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("'\(entry)' is not an IP address or CIDR range"))
    }
}
