import DMARC
import Foundation
import Testing

/// Documents libxml2 reads only in recovery mode count when `</feedback>` was read, with a warning; documents cut
/// short do not (`XML/XMLDocumentSink.swift`).
@Suite("Broken documents: recovered with a warning, or an error")
struct BrokenDocumentTests {
    @Test func unescapedLessThanInsideEmail() throws {
        let reading = Fixture.read("broken/unescaped-lt-in-email.xml")
        #expect(reading.errors.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.metadata.orgName == "example.net")
        #expect(report.metadata.reportID == "example.com:1735775999")
        #expect(report.metadata.dateRange == DateRange(begin: 1735689600, end: 1735775999))
        #expect(report.policy.domain == "example.com")
        #expect(report.messagesBySourceIP == ["192.0.2.10": 7])
        #expect(reading.warningLines == [
            "broken/unescaped-lt-in-email.xml: warning: malformed XML read in recovery mode (line 5: error parsing attribute name)",
        ])
    }

    /// An unclosed `<xs:schema>` around `<feedback>`, as one reporter sends.
    @Test func strayWrapperElement() throws {
        let reading = Fixture.read("broken/stray-wrapper-element.xml")
        #expect(reading.errors.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.metadata.orgName == "example.net")
        #expect(report.messagesBySourceIP == ["192.0.2.10": 7])
        #expect(reading.warningLines == [
            "broken/stray-wrapper-element.xml: warning: the report is wrapped in an unexpected <schema> element",
        ])
    }

    /// A misspelt end tag closes the element it stands for, as libxml2 reads it, so the fields after it survive.
    @Test func mismatchedEndTag() throws {
        let reading = Fixture.read("broken/mismatched-end-tag.xml")
        #expect(reading.errors.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.metadata.orgName == "example.net")
        #expect(report.metadata.email == "dmarc@example.net")
        #expect(report.metadata.reportID == "mismatched-1")
        #expect(report.metadata.dateRange == DateRange(begin: 1735689600, end: 1735775999))
        #expect(report.messagesBySourceIP == ["192.0.2.10": 7])
        #expect(reading.warningLines == [
            "broken/mismatched-end-tag.xml: warning: malformed XML read in recovery mode (line 4: Opening and ending tag mismatch: org_name line 4 and orgname)",
        ])
    }

    /// A start tag that never closes (KDDI's `<report_id>…/report_id>`, dmarc-report-viewer#21) swallows what
    /// follows in libxml2's recovery: the report is refused, and the error names the break before the part it lost.
    @Test func unclosedElementSwallowingRequiredParts() {
        let reading = Fixture.read("broken/unclosed-report-id.xml")
        #expect(reading.reports.isEmpty && reading.warnings.isEmpty)
        #expect(reading.errorLines == [
            "broken/unclosed-report-id.xml: malformed XML at line 8: Opening and ending tag mismatch: report_id line 6 "
                + "and report_metadata (read in recovery mode: no <date_range> in <report_metadata>)",
        ])
    }

    /// `&nbsp;` is no XML entity; the reference is dropped and the rest is read.
    @Test func undeclaredEntity() throws {
        let reading = Fixture.read("broken/undeclared-entity.xml")
        #expect(reading.errors.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.metadata.orgName == "ExampleMail")
        #expect(report.messageCount == 7)
        #expect(reading.warningLines == [
            "broken/undeclared-entity.xml: warning: malformed XML read in recovery mode (line 4: Entity 'nbsp' not defined)",
        ])
    }

    /// A MIME boundary left after the document: ignored, with a warning.
    @Test func textAfterFeedbackIsIgnored() throws {
        let reading = Fixture.read("broken/text-after-feedback.xml")
        #expect(reading.errors.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.messagesBySourceIP == ["192.0.2.10": 7])
        #expect(reading.warningLines == [
            "broken/text-after-feedback.xml: warning: ignored what follows </feedback> (line 21: Extra content at the end of the document)",
        ])
    }

    /// Two reports in one file (`cat a.xml b.xml`): the first is read, and the warning says a second was not.
    @Test func aSecondDocumentIsNamedAsNotRead() throws {
        let reading = Fixture.read("broken/two-reports.xml")
        #expect(reading.errors.isEmpty)
        #expect(reading.reports.map(\.metadata.reportID) == ["two-reports-1"])
        #expect(reading.warningLines == [
            "broken/two-reports.xml: warning: ignored a second XML document after </feedback>: only the first report "
                + "of a file is read (line 20: XML declaration allowed only at the start of the document)",
        ])
    }

    @Test func documentCutShort() {
        let reading = Fixture.read("broken/truncated-report.xml")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "broken/truncated-report.xml: report ends at line 24 before </feedback> (file truncated?)",
        ])
    }

    /// The records before the cut were streamed, then `fail` tells the handler they must not count.
    @Test func documentCutShortStreamsThenFails() {
        let recorder = EventRecorder()
        ReportReader().read(path: fixture("broken/truncated-report.xml"), into: recorder)
        #expect(recorder.events == [
            "begin truncated-1", "record 192.0.2.10 7", "fail \(DMARCError.Reason.truncatedReport(line: 24))",
        ])
    }

    /// The gzip is whole, the document inside it is not.
    @Test func wholeGzipOfADocumentCutShort() {
        let reading = Fixture.read("broken/truncated-report.xml.gz")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "broken/truncated-report.xml.gz: report ends at line 24 before </feedback> (file truncated?)",
        ])
    }

    @Test func negativeCount() {
        let reading = Fixture.read("broken/invalid-count.xml")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            #"broken/invalid-count.xml: count "-3" at line 22 is not a non-negative whole number"#,
        ])
    }

    @Test(arguments: ["", "many", "1.5", "1e3", "0x10", "1 2"])
    func countThatIsNoNonNegativeInteger(_ count: String) {
        let document = Data(InlineReport.oneRecord(count: "<count>\(count)</count>").utf8)
        let error = #expect(throws: DMARCError.self) { try ReportReader().reports(in: document, name: "inline.xml") }
        #expect(error?.description == "inline.xml: count \"\(count)\" at line 6 is not a non-negative whole number")
    }

    @Test func missingCount() {
        let document = Data(InlineReport.oneRecord(count: "").utf8)
        let error = #expect(throws: DMARCError.self) { try ReportReader().reports(in: document, name: "inline.xml") }
        #expect(error?.description == "inline.xml: record ending at line 7 has no count")
    }
}
