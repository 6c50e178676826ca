import DMARC
import Foundation
import Testing

/// Files that hold no report end in one typed error whose one-line text says why (`Reading/DMARCError.swift`).
@Suite("Bad inputs: typed errors with exact text")
struct BadInputTests {
    static let expectedErrors: [(String, String)] = [
        ("bad/empty.xml", "empty file"),
        ("bad/blank.xml", "empty file"),
        ("bad/not-xml.txt", #"not a DMARC report: neither zip, gzip, e-mail nor XML (starts with "Hello,\x0a\x0aplea")"#),
        ("bad/tls-report.json", #"not a DMARC report: neither zip, gzip, e-mail nor XML (starts with "{"organizati")"#),
        ("bad/not-xml.xml.gz", #"not a DMARC report: neither zip, gzip, e-mail nor XML (starts with "Your DMARC r")"#),
        ("bad/not-a-report.xml", "XML is not a DMARC aggregate report (root element <html>, expected <feedback>)"),
        ("bad/declaration-only.xml", "malformed XML at line 2: Extra content at the end of the document"),
        ("bad/truncated.xml.gz", "gzip data ends early (file truncated?)"),
        ("bad/corrupt.xml.gz", "corrupt gzip data: invalid bit length repeat"),
        ("bad/no-xml.zip", "zip archive holds no XML report"),
        ("bad/no-members.zip", "zip archive holds no XML report"),
        ("bad/no-central-directory.zip",
         "corrupt zip archive: no end of central directory record (file truncated?)"),
    ]

    @Test(arguments: expectedErrors)
    func errorText(_ name: String, _ message: String) {
        let reading = Fixture.read(name)
        #expect(reading.reports.isEmpty)
        #expect(reading.warnings.isEmpty)
        #expect(reading.errorLines == ["\(name): \(message)"])
        #expect(reading.errors.first?.origin == ReportOrigin(file: fixture(name)))
    }

    @Test(arguments: expectedErrors.map(\.0))
    func reportsThrowsTheTypedError(_ name: String) throws {
        let error = #expect(throws: DMARCError.self) { try ReportReader().reports(atPath: fixture(name)) }
        #expect(error?.description.contains("\n") == false)
    }

    /// Every error and warning any fixture gives is one line, as the command-line tool prints it.
    @Test func everyMessageIsOneLine() throws {
        var messages: [String] = []
        for folder in ["bad", "broken", "hostile", "quirks", "containers"] {
            for file in try FileManager.default.contentsOfDirectory(atPath: fixture(folder)) {
                let reading = Fixture.read(folder + "/" + file)
                messages += reading.errorLines + reading.warningLines
            }
        }
        #expect(messages.count >= 25)
        #expect(messages.filter { $0.contains("\n") || $0.contains("\r") } == [])
    }

    @Test func reasonsAreTyped() {
        func reason(_ name: String) -> DMARCError.Reason? { Fixture.read(name).errors.first?.reason }
        #expect(reason("bad/empty.xml") == .empty)
        #expect(reason("bad/truncated.xml.gz") == .truncatedGzip)
        #expect(reason("bad/no-xml.zip") == .noReportInZip)
        #expect(reason("bad/not-a-report.xml") == .notAReport(root: "html"))
    }

    /// A broken member is reported with its name; the good member beside it still counts.
    @Test func oneBadMemberOfAZip() throws {
        let reading = Fixture.read("bad/one-bad-member.zip")
        #expect(reading.reports.count == 1)
        #expect(reading.origins.map(\.members) == [["good.xml"]])
        ContainerTests.expectContainerReport(reading.reports[0], reportID: "container-good")
        #expect(reading.errorLines == [
            "bad/one-bad-member.zip: truncated.xml: report ends at line 24 before </feedback> (file truncated?)",
        ])
        let error = try #require(reading.errors.first)
        #expect(error.origin.members == ["truncated.xml"])
        #expect(error.reason == .truncatedReport(line: 24))
        #expect(throws: error) { try ReportReader().reports(atPath: fixture("bad/one-bad-member.zip")) }
    }

    @Test func missingFile() {
        let reading = Fixture.read("bad/no-such-file.xml")
        #expect(reading.errorLines == ["bad/no-such-file.xml: cannot read: No such file or directory"])
    }

    @Test func folderIsNoFile() {
        let reading = Fixture.read("bad")
        #expect(reading.errorLines == ["bad: cannot read: Is a directory"])
    }

    @Test func emptyData() {
        #expect(throws: DMARCError(.empty, at: ReportOrigin(file: "attachment"))) {
            try ReportReader().reports(in: Data(), name: "attachment")
        }
    }
}
