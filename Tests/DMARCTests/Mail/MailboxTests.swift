import DMARC
import Foundation
import Testing

/// Folders of saved mail: an mbox read as a stream of messages, a Maildir as a folder of message files.
@Suite("Reports in mailboxes")
struct MailboxTests {
    @Test func mboxWithAReportANewsletterAndEscapedFromLines() throws {
        let reading = MailFixtures.read("reports.mbox")
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        #expect(reading.reports.map(\.metadata.orgName) == ["google.com", "fastmail.example"])
        #expect(reading.reports.map(\.records.count) == [3, 1])
        #expect(reading.totalMessages == 25)
        #expect(reading.memberPaths == [
            ["message 1", MailMessageTests.googleZip, MailMessageTests.googleXML],
            ["message 3", "fastmail.example!example.com!1735689600!1735775999.xml"],
        ])
        // The mbox wrote the XML's line "From the postmaster" as ">From the postmaster".
        #expect(reading.reports.last?.metadata.extraContactInfo == "Questions?\nFrom the postmaster, with care")
        #expect(reading.warnings.map(\.description) == [
            MailFixtures.path("reports.mbox")
                + ": warning: message 2 holds no aggregate report (Subject: Our winter newsletter)",
        ])
    }

    @Test func maildirIsAFolderOfMessages() throws {
        let maildir = MailFixtures.folder.appendingPathComponent("Maildir")
        var files: [String] = []
        for subfolder in ["cur", "new"] {
            let folder = maildir.appendingPathComponent(subfolder).path
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            files += names.map { "Maildir/\(subfolder)/\($0)" }
        }
        #expect(files.count == 4)
        let collector = ReportCollector()
        for file in files {
            ReportReader().read(path: MailFixtures.path(file), into: collector)
        }
        #expect(collector.errors.isEmpty, "\(collector.errors)")
        #expect(collector.reports.map(\.metadata.reportID) == ["mn-0001", "mn-0002"])
        #expect(collector.reports.map(\.records.count) == [1, 2])
        #expect(collector.totalMessages == 20)
        // A .zip attachment that is really gzip; a single-part message whose body is the report.
        #expect(collector.memberPaths == [["mail.example.net!example.com!1735689600!1735775999.zip"], ["part 1"]])
        #expect(collector.warnings.map(\.message) == [
            "the message holds no aggregate report (Subject: DMARC failure report for example.com)",
            "the message holds no aggregate report (Subject: Report Domain: example.com Submitter: example.net "
                + "Report-ID: <tls-0001>)",
        ])
    }

    @Test func oversizedMessageFailsAloneAndTheOthersStillCount() {
        func message(_ id: Int, padding: Int = 0) -> String {
            """
            From dmarc@example.net Thu Jan  2 00:0\(id):00 2025
            From: dmarc@example.net
            Subject: report \(id)
            Content-Type: text/xml

            <feedback><report_metadata><org_name>example.net</org_name><report_id>\(id)</report_id>\
            <date_range><begin>1735689600</begin><end>1735775999</end></date_range></report_metadata><policy_published><domain>example.com</domain></policy_published>
            <!-- \(String(repeating: "x", count: padding)) -->
            <record><row><source_ip>192.0.2.\(id)</source_ip><count>\(id)</count><policy_evaluated>\
            <disposition>none</disposition></policy_evaluated></row><identifiers><header_from>example.com</header_from>\
            </identifiers></record></feedback>


            """
        }
        let mbox = message(1) + message(2, padding: 10_000) + message(3)
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 8 << 10
        let collector = ReportCollector()
        ReportReader(limits: limits).read(Data(mbox.utf8), name: "inbox", into: collector)
        #expect(collector.reports.map(\.metadata.reportID) == ["1", "3"])
        #expect(collector.totalMessages == 4)
        #expect(collector.warnings.isEmpty, "\(collector.warnings)")
        #expect(collector.errors.map(\.description) == [
            "inbox: message 2: decompresses to more than 8 KiB (a compression bomb?)",
        ])
    }

    @Test func postmarkWithoutBlankLineBeforeItStillSplits() {
        let mbox = """
            From a@example.net Thu Jan  2 00:01:00 2025
            Subject: one

            no report here
            From b@example.net Thu Jan  2 00:02:00 2025
            Subject: two

            Dear reader,
            From the desk of nobody: this line was not escaped, but has no time, so it is body text.

            """
        let collector = ReportCollector()
        ReportReader().read(Data(mbox.utf8), name: "loose.mbox", into: collector)
        #expect(collector.errors.isEmpty)
        #expect(collector.warnings.map(\.message) == [
            "message 1 holds no aggregate report (Subject: one)",
            "message 2 holds no aggregate report (Subject: two)",
        ])
    }
}
