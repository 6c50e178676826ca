@testable import DMARC
import Foundation
import Testing

/// What a report must hold (RFC 7489 Appendix C, RFC 9990's schema): a report that lacks it is refused with one
/// line naming the first missing part, never read into invented values; real reporters' other spellings read as
/// what they mean (`Fixtures/required`, from `Fixtures/make-required-fixtures.py`).
@Suite("Required parts of a report")
struct RequiredPartsTests {
    /// Each refused fixture and its exact message (the path relative to `Fixtures/`).
    static let refusals: [(String, String)] = [
        ("no-report-metadata.xml", "no <report_metadata> in <feedback>"),
        ("no-reporter.xml", "no <org_name> or <email> in <report_metadata>"),
        ("no-report-id.xml", "no <report_id> in <report_metadata>"),
        ("empty-report-id.xml", "no <report_id> in <report_metadata>"),
        ("no-date-range.xml", "no <date_range> in <report_metadata>"),
        ("no-begin.xml", "no <begin> in <date_range>"),
        ("no-end.xml", "no <end> in <date_range>"),
        ("begin-integer.xml", "<begin> \"integer\" is not a whole number of seconds (line 8)"),
        ("end-exponent.xml", "<end> \"1.7e9\" is not a whole number of seconds (line 9)"),
        ("begin-negative.xml", "<begin> \"-86400\" is not a whole number of seconds (line 8)"),
        ("no-policy-published.xml", "no <policy_published> in <feedback>"),
        ("no-policy-domain.xml", "no <domain> in <policy_published>"),
        ("record-no-row.xml", "no <row> in the record ending at line 19"),
        ("record-no-source-ip.xml", "no <source_ip> in <row> of the record ending at line 24"),
        ("record-empty-source-ip.xml", "no <source_ip> in <row> of the record ending at line 24"),
        ("record-no-identifiers.xml", "no <identifiers> in the record ending at line 24"),
        ("record-no-header-from.xml", "no <header_from> in <identifiers> of the record ending at line 24"),
        ("second-record-no-header-from.xml", "no <header_from> in <identifiers> of the record ending at line 33"),
    ]

    @Test(arguments: refusals)
    func refusedWithTheFirstMissingPart(_ name: String, _ message: String) throws {
        let reading = Fixture.read("required/" + name)
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == ["required/\(name): \(message)"])
        #expect(reading.warnings.isEmpty)
        let error = try #require(reading.errors.first)
        guard case .invalidReport(let defect) = error.reason else {
            Issue.record("not an invalid report: \(error.reason)")
            return
        }
        #expect(defect.description == message)
    }

    /// The same through the in-memory API, where the origin is the name given: one line, file first.
    @Test func refusedFromMemoryNamesTheGivenName() throws {
        let collector = ReportCollector()
        ReportReader().read(try Fixture.data("required/no-date-range.xml"), name: "report.xml", into: collector)
        #expect(collector.errors.map(\.description) == ["report.xml: no <date_range> in <report_metadata>"])
        #expect(collector.errors.first?.reason == .invalidReport(
            .missing(element: "date_range", parent: "report_metadata", recordEndLine: nil)))
    }

    /// A refused report inside a zip names the member.
    @Test func refusedInsideAZipNamesTheMember() throws {
        var zip = ZipWriter()
        zip.add("inner/report.xml", try Fixture.data("required/begin-integer.xml"))
        let collector = ReportCollector()
        ReportReader().read(zip.archive(), name: "report.zip", into: collector)
        #expect(collector.errors.map(\.description)
            == ["report.zip: inner/report.xml: <begin> \"integer\" is not a whole number of seconds (line 8)"])
    }

    static let januaryFirst = DateRange(begin: 1735689600, end: 1735775999)

    @Test func dataRangeIsReadAsDateRange() throws {
        let report = try Fixture.report("required/data-range.xml")
        #expect(report.metadata.dateRange == Self.januaryFirst)
    }

    @Test func identitiesAreReadAsIdentifiers() throws {
        let report = try Fixture.report("required/identities.xml")
        #expect(report.records.map(\.identifiers.headerFrom) == ["example.com"])
    }

    /// `1363310677.0` (163.com) is 1363310677; a fraction is dropped, never rounded up.
    @Test func decimalDatesAreWholeSeconds() throws {
        let report = try Fixture.report("required/decimal-dates.xml")
        #expect(report.metadata.dateRange == DateRange(begin: 1363310677, end: 1363397076))
    }

    /// What a time may be, byte by byte: digits, then at most one `.` and more digits; 19 digits at most, and
    /// within Int64.
    @Test func timesAreDigitsWithAnOptionalFraction() {
        let read: [(String, Int64?)] = [
            ("0", 0), ("1707264000", 1_707_264_000), ("1363310677.0", 1_363_310_677), ("1363310677.999", 1_363_310_677),
            ("0000000000000000001", 1), ("9223372036854775807", .max), ("9223372036854775808", nil),
            ("00000000000000000001", nil), ("", nil), (".", nil), (".5", nil), ("5.", nil), ("1.2.3", nil),
            ("-1", nil), ("+1", nil), ("1e9", nil), ("1 2", nil), ("١٢٣", nil), ("12a", nil), ("1..2", nil),
        ]
        for (text, expected) in read {
            #expect(RequiredParts.seconds(text) == expected, "\(text)")
        }
    }

    @Test func anEmailAloneNamesTheReporter() throws {
        let report = try Fixture.report("required/email-only.xml")
        #expect(report.metadata.orgName == "")
        #expect(report.metadata.reporter == "mail.example.net")
    }

    static let placeholderWarning = "skipped 1 record with an empty <source_ip> and count 0 "
        + "(a placeholder: no message from no source)"

    @Test func aPlaceholderRecordIsSkippedWithAWarning() {
        let reading = Fixture.read("required/placeholder.xml")
        #expect(reading.errors.isEmpty)
        #expect(reading.reports.map { $0.records.map(\.sourceIP.text) } == [["192.0.2.10"]])
        #expect(reading.warningLines == ["required/placeholder.xml: warning: " + Self.placeholderWarning])
    }

    /// Nothing but a placeholder, or no record at all: a report of 0 messages, which still counts as read.
    @Test(arguments: ["only-placeholder.xml", "no-records.xml"])
    func aReportWithoutRecordsIsRead(_ name: String) {
        let reading = Fixture.read("required/" + name)
        #expect(reading.errors.isEmpty)
        #expect(reading.reports.count == 1)
        #expect(reading.reports.first?.records == [])
        #expect(reading.reports.first?.metadata.reportID == String(name.dropLast(4)))
        #expect(reading.warningLines == (name == "no-records.xml" ? []
            : ["required/\(name): warning: " + Self.placeholderWarning]))
    }

    /// A record without a disposition the RFCs define is read, and the reader says it shows in no
    /// disposition column; RFC 9990's `pass` is one it defines.
    @Test func recordsWithoutAKnownDispositionAreNamed() {
        let reading = Fixture.read("required/no-disposition.xml")
        #expect(reading.errors.isEmpty)
        #expect(reading.reports.first?.records.map(\.policyEvaluated.disposition)
            == [nil, .unrecognised("deliver"), .pass])
        #expect(reading.warningLines == ["required/no-disposition.xml: warning: 2 records (7 messages) without a "
            + "disposition the RFCs define, first \"deliver\": counted in messages, in no disposition column"])
    }

    /// Every fixture that reads, reads into no invented value: no 1970 date, no empty reporter, report ID,
    /// policy domain or source address (the Done-when of issue 13, on our own files).
    @Test func noFixtureReadsIntoAnInventedValue() throws {
        let files = FileManager.default.enumerator(at: Fixture.folder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.pathExtension != "py" }
        #expect(files.count > 50)
        var reports = 0
        for file in files {
            for report in Fixture.Reading(path: file.path).reports {
                reports += 1
                #expect(RequiredPartsTests.inventedValues(in: report).isEmpty, "\(Fixture.relative(file.path))")
            }
        }
        #expect(reports > 50)
    }

    /// What a report read into that it cannot hold: a 1970 date, an empty name.
    static func inventedValues(in report: AggregateReport) -> [String] {
        var found: [String] = []
        if report.metadata.reporter.isEmpty { found.append("empty reporter") }
        if report.metadata.reportID.isEmpty { found.append("empty report ID") }
        if report.policy.domain.isEmpty { found.append("empty policy domain") }
        if report.metadata.dateRange.begin < 86_400 || report.metadata.dateRange.end < 86_400 {
            found.append("a date in 1970")
        }
        if report.records.contains(where: { $0.sourceIP.text.isEmpty }) { found.append("an empty source_ip") }
        if report.records.contains(where: { $0.identifiers.headerFrom.isEmpty }) { found.append("an empty header_from") }
        return found
    }
}
