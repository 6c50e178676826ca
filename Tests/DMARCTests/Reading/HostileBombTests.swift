import DMARC
import Foundation
import Testing

/// The bombs of `README.md`'s "Robustness" that are made at test time, too large to commit: each ends in one
/// clear error at its limit, or, with the limit raised, in the right totals.
@Suite("Bombs: stopped at a limit, or read right under a raised one")
struct HostileBombTests {
    /// One small report, the content of every member of the large zips.
    static let member = Data("""
        <feedback><report_metadata><org_name>zip.example.net</org_name><report_id>1</report_id>\
        <date_range><begin>1735689600</begin><end>1735775999</end></date_range></report_metadata><policy_published><domain>example.com</domain></policy_published>\
        <record><row><source_ip>192.0.2.1</source_ip><count>1</count><policy_evaluated><disposition>none\
        </disposition></policy_evaluated></row><identifiers><header_from>example.com</header_from></identifiers>\
        </record></feedback>
        """.utf8)

    /// A report whose one record lists `results` DKIM results.
    static func report(dkimResults results: Int) -> Data {
        var dkim = Data("<dkim><domain>example.com</domain><result>pass</result></dkim>".utf8)
        var list = Data()
        var remaining = results
        while remaining > 0 {  // by doubling: a million results in twenty appends
            if remaining & 1 == 1 { list.append(dkim) }
            dkim.append(dkim)
            remaining >>= 1
        }
        return Data("""
            <feedback><report_metadata><org_name>dkim.example.net</org_name><report_id>1</report_id>\
            <date_range><begin>1735689600</begin><end>1735775999</end></date_range></report_metadata>\
            <policy_published><domain>example.com</domain></policy_published>\
            <record><row><source_ip>192.0.2.1</source_ip><count>3</count><policy_evaluated><disposition>none\
            </disposition></policy_evaluated></row><identifiers><header_from>example.com</header_from></identifiers>\
            <auth_results>
            """.utf8) + list + Data("</auth_results></record></feedback>".utf8)
    }

    /// Quadratic blowup: one entity of 64 KiB referred to 64,000 times (4 GB expanded) is refused at its
    /// declaration, before any reference is read.
    @Test func quadraticEntityBlowupIsRefused() {
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE feedback [<!ENTITY big \""
            + String(repeating: "A", count: 64 << 10) + "\">]>\n<feedback>"
            + String(repeating: "&big;", count: 64_000) + "</feedback>\n"
        let collector = ReportCollector()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            ReportReader().read(Data(document.utf8), name: "quadratic.xml", into: collector)
        }
        #expect(collector.errors.map(\.description) == [
            "quadratic.xml: refused: the document declares entity \"big\" at line 2 (entities are never expanded)",
        ])
        #expect(elapsed < .seconds(5))
    }

    /// A million `<dkim>` results in one record (60 MB): stopped at the 1,001st, so a record's memory stays bounded.
    @Test func millionDKIMResultsStopAtTheLimit() {
        let collector = ReportCollector()
        ReportReader().read(Self.report(dkimResults: 1_000_000), name: "dkim.xml", into: collector)
        #expect(collector.reports.isEmpty)
        #expect(collector.errors.map(\.description) == [
            "dkim.xml: a record or its report's metadata repeats an element more than 1000 times "
                + "(<dkim>, <spf>, <reason>, <error>)",
        ])
        #expect(collector.errors.first?.reason == .limitExceeded(.repeatedElements, limit: 1000))
    }

    @Test func repeatedElementsUnderARaisedLimit() throws {
        var limits = ReadingLimits()
        limits.maxRepeatedElements = 5000
        let reports = try ReportReader(limits: limits).reports(in: Self.report(dkimResults: 5000))
        #expect(reports.first?.records.first?.authResults.dkim.count == 5000)
        #expect(reports.first?.messageCount == 3)
        limits.maxRepeatedElements = 4999
        #expect(throws: DMARCError.self) {
            try ReportReader(limits: limits).reports(in: Self.report(dkimResults: 5000))
        }
    }

    /// 100,000 members (about 30 MB, zip64 end records): refused at the default 10,000, whether the end record
    /// says so or lies (a count of 3), and read whole when the limit allows them.
    @Test func hundredThousandMemberZip() throws {
        var writer = ZipWriter()
        let crc = ZipWriter.crc32(Self.member)
        for index in 0..<100_000 {
            writer.add("report-\(index).xml", Self.member, crc: crc)
        }
        for stated in [100_000, 3] {
            let collector = ReportCollector()
            ReportReader().read(writer.archive(statedCount: stated), name: "many.zip", into: collector)
            #expect(collector.reports.isEmpty)
            #expect(collector.errors.map(\.description) == ["many.zip: zip archive lists more than 10000 members"])
        }

        var limits = ReadingLimits()
        limits.maxZipMembers = 100_000
        let counter = Counter()
        ReportReader(limits: limits).read(writer.archive(), name: "many.zip", into: counter)
        #expect(counter.errors.isEmpty)
        #expect(counter.reports == 100_000)
        #expect(counter.messages == 100_000)
    }

    /// A non-recursive zip bomb: 100 directory entries share one deflated 8 MiB member (800 MiB listed in 14 KB).
    /// The members read before the limit count (each is charged its compressed bytes again, so the ratio is the
    /// kernel's); the limit is one error, not one per member after it.
    @Test func overlappingZipBomb() {
        let stopped = Fixture.read("hostile/zip-bomb-overlapping.zip")
        #expect(stopped.errorLines == [
            "hostile/zip-bomb-overlapping.zip: report-003.xml: decompresses to more than 200 times its compressed "
                + "size (a compression bomb?)",
        ])
        #expect(stopped.reports.count == 3)

        var limits = ReadingLimits()
        limits.maxCompressionRatio = 2000
        let whole = Fixture.read("hostile/zip-bomb-overlapping.zip", limits: limits)
        #expect(whole.errors.isEmpty)
        #expect(whole.reports.count == 100)
    }

    /// The same bomb attached twice to one message: one error, and the second attachment is not read.
    @Test func zipBombsInAMessageGiveOneError() throws {
        let bomb = try Fixture.data("hostile/zip-bomb-overlapping.zip")
            .base64EncodedString(options: .lineLength76Characters)
        let message = """
            From: dmarc@example.net
            Subject: Report domain: example.com
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: application/zip; name="one.zip"
            Content-Transfer-Encoding: base64

            \(bomb)
            --b
            Content-Type: application/zip; name="two.zip"
            Content-Transfer-Encoding: base64

            \(bomb)
            --b--

            """
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 20 << 20
        let collector = ReportCollector()
        ReportReader(limits: limits).read(message: Data(message.utf8), name: "bombs.eml", into: collector)
        #expect(collector.errors.map(\.description) == [
            "bombs.eml: one.zip: report-002.xml: decompresses to more than 20 MiB (a compression bomb?)",
        ])
        #expect(collector.reports.count == 2)
    }

    /// 2 GiB of blanks in 4 KB (two rounds of gzip): stopped by the ratio just past 32 MiB, in well under a second.
    @Test func twoGiBGzipBombStopsAtTheRatio() {
        let clock = ContinuousClock()
        var reading: Fixture.Reading?
        let elapsed = clock.measure { reading = Fixture.read("hostile/gzip-bomb-2-gib.xml.gz.gz") }
        #expect(reading?.reports.isEmpty == true)
        #expect(reading?.errorLines == [
            "hostile/gzip-bomb-2-gib.xml.gz.gz: decompresses to more than 200 times its compressed size "
                + "(a compression bomb?)",
        ])
        #expect(elapsed < .seconds(5))
    }
}

/// Counts what it is given, keeping nothing else.
private final class Counter: ReportHandler {
    var reports = 0
    var messages: UInt64 = 0
    var errors: [DMARCError] = []

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {}
    func record(_ record: Record) { messages += record.count }
    func endReport(_ header: ReportHeader) { reports += 1 }
    func fail(_ error: DMARCError) { errors.append(error) }
}
