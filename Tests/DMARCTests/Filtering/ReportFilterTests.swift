import DMARC
import Testing

/// `ReportFilter` admits whole reports (domain, reporter, period), then records (source, DMARC failure).
@Suite("Report filter")
struct ReportFilterTests {
    static let policy = PolicyPublished(domain: "example.com")

    static func record(_ ip: String, passes: Bool) -> Record {
        Record(sourceIP: SourceIP(reportText: ip), count: 1,
               policyEvaluated: PolicyEvaluated(disposition: .none, dkim: passes ? .pass : .fail, spf: .fail))
    }

    @Test func rangesParseAndContain() throws {
        let range = try #require(IPRange("192.0.2.77/24"))
        #expect(range.description == "192.0.2.0/24")
        #expect(range.contains(try #require(IPAddress("192.0.2.1"))))
        #expect(!range.contains(try #require(IPAddress("192.0.3.1"))))
        #expect(IPRange("192.0.2.0/33") == nil)
        #expect(IPRange("2001:db8::/32")?.contains(try #require(IPAddress("2001:db8::5"))) == true)
    }

    @Test func exclusionWinsAndMaskedSourcesMatchNoRange() throws {
        var filter = ReportFilter()
        filter.includedSources = [try #require(IPRange("192.0.2.0/24"))]
        filter.excludedSources = [try #require(IPRange("192.0.2.2"))]
        #expect(filter.filtersRecords)
        #expect(filter.admits(Self.record("192.0.2.1", passes: true), policy: Self.policy))
        #expect(!filter.admits(Self.record("192.0.2.2", passes: true), policy: Self.policy))
        #expect(!filter.admits(Self.record("198.51.100.1", passes: true), policy: Self.policy))
        #expect(!filter.admits(Self.record("masked", passes: true), policy: Self.policy))
        filter.includedSources = []
        #expect(filter.admits(Self.record("masked", passes: true), policy: Self.policy))
    }

    @Test func failingOnly() {
        var filter = ReportFilter()
        #expect(!filter.filtersRecords)
        filter.onlyFailing = true
        #expect(filter.admits(Self.record("192.0.2.1", passes: false), policy: Self.policy))
        #expect(!filter.admits(Self.record("192.0.2.1", passes: true), policy: Self.policy))
    }

    @Test func wholeReportsByDomainReporterAndPeriod() {
        var header = ReportHeader()
        header.metadata.orgName = "Google.com"
        header.policy.domain = "Example.COM"
        header.metadata.dateRange.begin = 1_735_689_600
        var filter = ReportFilter()
        #expect(filter.admits(header))
        filter.policyDomains = ["example.com"]
        filter.reporters = [header.metadata.reporter.lowercased()]
        filter.since = 1_735_689_600
        filter.until = 1_735_689_601
        #expect(filter.admits(header))
        filter.until = 1_735_689_600
        #expect(!filter.admits(header))
        filter.until = nil
        filter.policyDomains = ["example.org"]
        #expect(!filter.admits(header))
    }

    @Test("a reporter is named as its report writes it, or by the domain its reports are grouped under")
    func reporterByNameOrGroupingDomain() {
        func header(orgName: String, email: String) -> ReportHeader {
            var header = ReportHeader()
            header.metadata.orgName = orgName
            header.metadata.email = email
            return header
        }
        let spellings = [header(orgName: "Google", email: "noreply-dmarc-support@google.com"),
                         header(orgName: "google.com", email: ""),
                         header(orgName: "Google Inc.", email: "dmarc@mail.google.com")]
        var filter = ReportFilter()
        filter.reporters = ["google.com"]
        // Every spelling is one reporter (ReporterIdentity), so the grouping domain keeps them all.
        #expect(spellings.allSatisfy { ReporterIdentity.key(of: $0.metadata) == "google.com" })
        #expect(spellings.allSatisfy(filter.admits))
        // A name keeps only the reports that write it (any case).
        filter.reporters = ["google"]
        #expect(spellings.map(filter.admits) == [true, false, false])
        // Another reporter's domain or name matches none.
        filter.reporters = ["yahoo.com", "yahoo"]
        #expect(!spellings.contains(where: filter.admits))
    }
}
