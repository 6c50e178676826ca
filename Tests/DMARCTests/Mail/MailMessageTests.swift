import DMARC
import Foundation
import Testing

/// Saved e-mail messages (`.eml`) carrying reports: every report in every part counts, by content.
@Suite("Reports in e-mail messages")
struct MailMessageTests {
    static let googleZip = "google.com!example.com!1735689600!1735775999.zip"
    static let googleXML = "google.com!example.com!1735689600!1735775999.xml"

    @Test func googleStyleZipSentAsOctetStream() throws {
        let reading = MailFixtures.read("gmail-zip-octet-stream.eml")
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty, "\(reading.errors) \(reading.warnings)")
        let report = try #require(reading.reports.first)
        #expect(reading.reports.count == 1)
        #expect(report.metadata.orgName == "google.com")
        #expect(report.policy.domain == "example.com")
        #expect(report.records.count == 3)
        #expect(MailFixtures.messages(report) == 16)
        #expect(report.records.map(\.sourceIP.text) == ["192.0.2.1", "198.51.100.7", "2001:db8::25"])
        #expect(reading.memberPaths == [[Self.googleZip, Self.googleXML]])
    }

    @Test func gzipNamedWithRFC2231Continuations() throws {
        let reading = MailFixtures.read("gzip-rfc2231.eml")
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty, "\(reading.errors) \(reading.warnings)")
        let report = try #require(reading.reports.first)
        #expect(reading.reports.count == 1)
        #expect(report.metadata.orgName == "Yahoo")
        #expect(report.records.count == 2)
        #expect(MailFixtures.messages(report) == 6)
        // filename*0*=utf-8''… wins over Content-Type name="decoy.gz"; é comes from %C3%A9.
        #expect(reading.memberPaths == [["rapporté-yahoo.com!example.org!1735689600!1735775999.xml.gz"]])
    }

    @Test func reportInMixedInsideAlternativeNamedByEncodedWord() throws {
        let reading = MailFixtures.read("nested-alternative.eml")
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty, "\(reading.errors) \(reading.warnings)")
        let report = try #require(reading.reports.first)
        #expect(reading.reports.count == 1)
        #expect(report.metadata.orgName == "Enterprise Outlook")
        #expect(report.records.count == 2)
        #expect(MailFixtures.messages(report) == 8)
        let name = "enterprise.protection.outlook.com!example.com!1735689600!1735775999"
        #expect(reading.memberPaths == [[name + ".zip", name + ".xml"]])
    }

    @Test func quotedPrintableXML() throws {
        let reading = MailFixtures.read("quoted-printable.eml")
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty, "\(reading.errors) \(reading.warnings)")
        let report = try #require(reading.reports.first)
        #expect(reading.reports.count == 1)
        #expect(report.metadata.orgName == "Exämple Mail")
        #expect(report.policy.domain == "example.net")
        #expect(report.records.count == 1)
        #expect(MailFixtures.messages(report) == 5)
        #expect(reading.memberPaths == [["mail.example.net!example.net!1735689600!1735775999.xml"]])
    }

    @Test func brokenAttachmentBesideAGoodOne() throws {
        let reading = MailFixtures.read("broken-beside-good.eml")
        #expect(reading.warnings.isEmpty, "\(reading.warnings)")
        #expect(reading.reports.map(\.metadata.orgName) == ["Enterprise Outlook"])
        #expect(reading.totalMessages == 8)
        let error = try #require(reading.errors.first)
        #expect(reading.errors.count == 1)
        #expect(error.reason == .truncatedGzip)
        #expect(error.origin.members == ["mail.example.net!example.com!1735689600!1735775999.xml.gz"])
        #expect(error.description == MailFixtures.path("broken-beside-good.eml")
            + ": mail.example.net!example.com!1735689600!1735775999.xml.gz: gzip data ends early (file truncated?)")
    }

    @Test func everyReportInAMessageCountsForwardedOnesToo() {
        let reading = MailFixtures.read("two-reports.eml")
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty, "\(reading.errors) \(reading.warnings)")
        #expect(reading.reports.map(\.metadata.orgName) == ["Yahoo", "mail.example.net", "google.com"])
        #expect(reading.reports.map(\.records.count) == [2, 2, 3])
        #expect(reading.reports.map(MailFixtures.messages) == [6, 11, 16])
        #expect(reading.totalMessages == 33)
        #expect(reading.memberPaths == [
            ["yahoo.com!example.org!1735689600!1735775999.xml.gz"],
            ["mail.example.net!example.org!1735689600!1735775999.zip",
             "mail.example.net!example.org!1735689600!1735775999.xml"],
            [Self.googleZip, Self.googleXML],
        ])
    }

    @Test func messageBytesReadThroughSniffing() throws {
        let bytes = try Data(contentsOf: MailFixtures.folder.appendingPathComponent("gmail-zip-octet-stream.eml"))
        let reports = try ReportReader().reports(in: bytes, name: "incoming")
        #expect(reports.map(\.metadata.orgName) == ["google.com"])
        #expect(reports.map(\.records.count) == [3])
    }

    @Test func messageAPISkipsADeliveryAgentsPostmark() throws {
        let message = try Data(contentsOf: MailFixtures.folder.appendingPathComponent("gzip-rfc2231.eml"))
        let delivered = Data("From dmarchelp@yahooinc.com Thu Jan  2 00:05:00 2025\n".utf8) + message
        let collector = ReportCollector()
        ReportReader().read(message: delivered, name: "hook", into: collector)
        #expect(collector.errors.isEmpty && collector.warnings.isEmpty)
        #expect(collector.reports.map(\.metadata.orgName) == ["Yahoo"])
        #expect(collector.origins.map(\.description)
            == ["hook: rapporté-yahoo.com!example.org!1735689600!1735775999.xml.gz"])
        #expect(try ReportReader().reports(inMessage: delivered).count == 1)
    }

    @Test func messageWithoutReportGivesOneWarningAndNoError() throws {
        let newsletter = """
            From: news@example.org
            To: dmarc-reports@example.com
            Subject: =?utf-8?Q?Winter_news_=E2=9D=84?=
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain

            Hello.
            --b
            Content-Type: text/html

            <p>Hello.</p>
            --b--

            """
        let collector = ReportCollector()
        ReportReader().read(Data(newsletter.utf8), name: "news.eml", into: collector)
        #expect(collector.reports.isEmpty)
        #expect(collector.errors.isEmpty)
        #expect(collector.warnings.map(\.description)
            == ["news.eml: warning: the message holds no aggregate report (Subject: Winter news ❄)"])
        #expect(try ReportReader().reports(inMessage: Data(newsletter.utf8)).isEmpty)
    }

    @Test func plainTextBodyThatIsTheReport() throws {
        let message = """
            Received: from mx.example.net (mx.example.net [192.0.2.10]) by mx.example.com
            From: dmarc@example.net
            Subject: Report Domain: example.com

            <?xml version="1.0"?>
            <feedback><report_metadata><org_name>example.net</org_name><email>dmarc@example.net</email>
            <report_id>1</report_id><date_range><begin>1735689600</begin><end>1735775999</end></date_range>
            </report_metadata><policy_published><domain>example.com</domain><p>none</p></policy_published>
            <record><row><source_ip>192.0.2.3</source_ip><count>4</count><policy_evaluated><disposition>none
            </disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>
            <identifiers><header_from>example.com</header_from></identifiers></record></feedback>

            """
        let collector = ReportCollector()
        ReportReader().read(Data(message.utf8), name: "plain.eml", into: collector)
        #expect(collector.errors.isEmpty && collector.warnings.isEmpty, "\(collector.errors) \(collector.warnings)")
        #expect(collector.reports.map(MailFixtures.messages) == [4])
        #expect(collector.memberPaths == [["part 1"]])
    }
}
