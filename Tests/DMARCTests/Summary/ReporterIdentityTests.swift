import DMARC
import Foundation
import Testing

/// One reporter, one row: reports are grouped by the organisational domain of the reporter's address (else of
/// `org_name`), and a group is named as its reports name their reporter most (`Summary/ReporterIdentity.swift`).
@Suite("Reporter identity")
struct ReporterIdentityTests {
    @Test(arguments: [
        ("Google", "noreply-dmarc-support@google.com", "google.com"),
        ("google.com", "noreply-dmarc@google.com", "google.com"),
        ("Mimecast", "no-reply@au-1.mimecastreport.com", "mimecastreport.com"),
        ("Enterprise Outlook", "<dmarcreport@Microsoft.com>", "microsoft.com"),
        ("Yahoo", "mailto:dmarchelp@yahooinc.com", "yahooinc.com"),
        ("Mail.Ru", "", "mail.ru"),
        ("mx.example.net", "", "example.net"),
        ("Test Inc.", "postmaster@test", "test inc."),
        ("XYZ Corporation", "not an address", "xyz corporation"),
        ("", "dmarc@mail.example.net", "example.net"),
    ])
    func key(orgName: String, email: String, key: String) {
        #expect(ReporterIdentity.key(of: ReportMetadata(orgName: orgName, email: email)) == key)
    }

    static func report(_ orgName: String, _ email: String, id: String, messages: Int) -> String {
        """
        <feedback><report_metadata><org_name>\(orgName)</org_name><email>\(email)</email><report_id>\(id)</report_id>\
        <date_range><begin>1735689600</begin><end>1735775999</end></date_range></report_metadata>\
        <policy_published><domain>example.com</domain></policy_published>\
        <record><row><source_ip>192.0.2.1</source_ip><count>\(messages)</count><policy_evaluated>\
        <disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>\
        <identifiers><header_from>example.com</header_from></identifiers></record></feedback>
        """
    }

    /// Three names of Google's, in any order: one row, named as most reports name it; a tie goes to the first
    /// name in code-point order, so neither the order of the files nor the threads change it.
    @Test(arguments: [1, 2])
    func oneReporterOneRow(jobs: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reporters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = [
            Self.report("Google", "noreply-dmarc-support@google.com", id: "1", messages: 1),
            Self.report("google.com", "noreply-dmarc-support@google.com", id: "2", messages: 2),
            Self.report("google.com", "noreply-dmarc@google.com", id: "3", messages: 4),
            Self.report("Google", "noreply-dmarc-support@google.com", id: "4", messages: 8),
            Self.report("Google Inc.", "noreply-dmarc-support@google.com", id: "5", messages: 16),
            Self.report("Yahoo", "dmarchelp@yahooinc.com", id: "6", messages: 32),
        ]
        let paths = try Self.write(reports, to: folder)
        for order in [paths, paths.reversed()] {
            let totals = ReportReader().summarize(files: order, jobs: jobs, filter: ReportFilter(), details: []) { _, _ in }
            #expect(totals.reporterRows.map(\.reporter) == ["Yahoo", "Google"])
            let google = try #require(totals.reporters["google.com"])
            #expect(google.reports == 5)
            #expect(google.totals.messages == 31)
            #expect(google.names == ["Google": 2, "google.com": 2, "Google Inc.": 1])
        }
    }

    /// Two reporters of one name from different domains stay two rows, told apart by their domain.
    @Test func twoReportersOfOneNameAreToldApart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reporters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.write([
            Self.report("Outlook", "dmarcreport@microsoft.com", id: "1", messages: 2),
            Self.report("Outlook", "dmarc@outlook.example", id: "2", messages: 1),
        ], to: folder)
        let totals = ReportReader().summarize(files: paths, jobs: 1, filter: ReportFilter(), details: []) { _, _ in }
        #expect(totals.reporterRows.map(\.reporter) == ["Outlook (microsoft.com)", "Outlook (outlook.example)"])
    }

    static func write(_ reports: [String], to folder: URL) throws -> [String] {
        try reports.enumerated().map { index, text in
            let file = folder.appendingPathComponent("\(index).xml")
            try Data(text.utf8).write(to: file)
            return file.path
        }
    }
}
