import DMARC
import Foundation
import Testing

/// `Fixtures/sample` is what the README's first command reads; its totals are pinned here.
@Suite("The README's sample folder")
struct SampleFolderTests {
    static let expected: [(file: String, reporter: String, records: Int, messages: UInt64, failing: UInt64)] = [
        ("comcast.net!example.com!1735689600!1735775999.xml", "comcast.net", 3, 34, 7),
        ("enterprise.protection.outlook.com!example.com!1735689600!1735776000.xml.gz", "Enterprise Outlook", 6, 59, 3),
        ("google.com!example.com!1735689600!1735775999.zip", "google.com", 5, 570, 4),
        ("mx.example.net!example.com!1735689600!1735775999.xml", "mx.example.net", 3, 13, 2),
        ("yahoo.com!example.com!1735689600!1735775999.xml.gz", "Yahoo", 4, 65, 4),
    ]

    @Test func folderHoldsExactlyTheseFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture("sample")).sorted()
        #expect(files == Self.expected.map(\.file))
    }

    @Test(arguments: expected.map(\.file))
    func eachFileReadsCleanly(_ file: String) throws {
        let expected = try #require(Self.expected.first { $0.file == file })
        let report = try Fixture.report("sample/" + file)
        #expect(report.metadata.reporter == expected.reporter)
        #expect(report.policy.domain == "example.com")
        #expect(report.metadata.dateRange.begin == 1735689600)
        #expect(report.records.count == expected.records)
        #expect(report.messageCount == expected.messages)
        #expect(report.records.filter(\.failsDMARC).reduce(0) { $0 + $1.count } == expected.failing)
    }

    @Test func totals() throws {
        let reports = try Self.expected.map { try Fixture.report("sample/" + $0.file) }
        let bySource = reports.reduce(into: [String: UInt64]()) { totals, report in
            totals.merge(report.messagesBySourceIP, uniquingKeysWith: +)
        }
        #expect(bySource == [
            "2001:db8:4860:4864::1b": 452, "192.0.2.45": 176, "192.0.2.46": 9, "198.51.100.77": 84,
            "203.0.113.9": 7, "203.0.113.154": 1, "203.0.113.60": 4, "203.0.113.200": 7, "2001:db8:bad::25": 1,
        ])
        #expect(bySource.values.reduce(0, +) == 741)
        #expect(Set(reports.map(\.schema)) == [.draft, .rfc7489, .rfc9990])
    }
}
