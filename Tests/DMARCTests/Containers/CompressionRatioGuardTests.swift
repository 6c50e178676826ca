import DMARC
import Foundation
import Testing

/// The bomb guard (`ReadingLimits.maxCompressionRatio` past `ratioGuardBytes`, under the `maxDecompressedBytes`
/// ceiling): a report of any real size reads with the defaults, a bomb stops after 32 MiB.
@Suite("Compression ratio guard: a bomb stops, a big report reads")
struct CompressionRatioGuardTests {
    /// A report of `records` records (about 650 bytes of XML each, Google's layout), as real ones compress: 2,000
    /// varied records repeated, far more than deflate's 32 KiB window apart, so the repetition does not compress.
    static func bigReport(records: Int) -> Data {
        var xml = Data("""
            <?xml version="1.0" encoding="UTF-8" ?>
            <feedback>
              <report_metadata>
                <org_name>google.com</org_name>
                <email>noreply-dmarc-support@google.com</email>
                <report_id>\(records)</report_id>
                <date_range><begin>1767225600</begin><end>1767311999</end></date_range>
              </report_metadata>
              <policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p></policy_published>

            """.utf8)
        var block = Data()
        var state: UInt64 = 9
        for index in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let source = index % 3 == 0 ? "2001:db8:\(String(state >> 48, radix: 16))::\(String(state >> 40 & 0xFF, radix: 16))"
                : "198.51.\(state >> 56).\(state >> 48 & 0xFF)"
            let pass = state >> 20 & 3 == 0 ? "fail" : "pass"
            block.append(contentsOf: """
                  <record>
                    <row>
                      <source_ip>\(source)</source_ip>
                      <count>\(1 + state >> 33 % 7)</count>
                      <policy_evaluated>
                        <disposition>none</disposition>
                        <dkim>\(pass)</dkim>
                        <spf>pass</spf>
                      </policy_evaluated>
                    </row>
                    <identifiers>
                      <envelope_from>bounce.example.com</envelope_from>
                      <header_from>example.com</header_from>
                    </identifiers>
                    <auth_results>
                      <dkim>
                        <domain>example.com</domain>
                        <selector>s\(state >> 24 % 40)</selector>
                        <result>\(pass)</result>
                      </dkim>
                      <spf>
                        <domain>bounce.example.com</domain>
                        <result>pass</result>
                      </spf>
                    </auth_results>
                  </record>

                """.utf8)
        }
        for _ in 0..<records / 2000 { xml.append(block) }
        xml.append(contentsOf: "</feedback>\n".utf8)
        return xml
    }

    /// Past 32 MiB of XML (60,000 records, 40 MiB, about 20:1 at gzip's default level): read whole by default,
    /// as `.xml.gz` and as a zip member.
    @Test func aBigReportReadsWithTheDefaults() throws {
        let xml = Self.bigReport(records: 60_000)
        #expect(xml.count > ReadingLimits().ratioGuardBytes)
        let gzip = Deflate.gzip(xml, level: 6)
        #expect(xml.count / gzip.count < ReadingLimits().maxCompressionRatio)
        var zip = ZipWriter()
        zip.add("report.xml", xml, deflated: Deflate.raw(xml, level: 6))
        for (name, bytes) in [("big.xml.gz", gzip), ("big.zip", zip.archive())] {
            let counter = RecordCounter()
            // The totals' reading (no auth_results) is enough here, and faster in a debug build.
            ReportReader(content: .policyEvaluated).read(bytes, name: name, into: counter)
            #expect(counter.errors.isEmpty, "\(name)")
            #expect(counter.records == 60_000, "\(name)")
        }
    }

    /// 300 MiB of blanks in 1 KB (gzip inside gzip): stopped by the ratio just past 32 MiB, long before the ceiling.
    @Test func aGzipBombStopsAtTheRatio() {
        let reading = Fixture.read("hostile/gzip-bomb.xml.gz.gz")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "hostile/gzip-bomb.xml.gz.gz: decompresses to more than 200 times its compressed size (a compression bomb?)",
        ])
        #expect(reading.errors.first?.reason == .limitExceeded(.compressionRatio, limit: 200))
    }

    /// The ratio counts every layer: a gzip inside a gzip (2,313 bytes of XML, about 4.5:1) reads under a ratio of
    /// 5 checked from the first byte, and stops under 4.
    @Test func theRatioCountsEveryLayer() {
        var limits = ReadingLimits()
        limits.ratioGuardBytes = 0
        limits.maxCompressionRatio = 5
        #expect(Fixture.read("containers/report.xml.gz", limits: limits).errors.isEmpty)
        #expect(Fixture.read("containers/gzip-in-gzip.xml.gz.gz", limits: limits).errors.isEmpty)
        limits.maxCompressionRatio = 4
        #expect(Fixture.read("containers/report.xml.gz", limits: limits).errorLines == [
            "containers/report.xml.gz: decompresses to more than 4 times its compressed size (a compression bomb?)",
        ])
    }

    /// A base64 attachment is charged its encoded size: decoding shrinks it, so it never looks like a bomb.
    @Test func aBase64AttachmentIsNoBomb() throws {
        var limits = ReadingLimits()
        limits.ratioGuardBytes = 0
        limits.maxCompressionRatio = 1
        let report = try Fixture.data("sample/comcast.net!example.com!1735689600!1735775999.xml")
        let message = """
            From: dmarc@example.net
            Subject: Report domain: example.com
            Content-Type: application/xml; name="report.xml"
            Content-Transfer-Encoding: base64

            \(report.base64EncodedString(options: .lineLength76Characters))

            """
        let collector = ReportCollector()
        ReportReader(limits: limits).read(message: Data(message.utf8), name: "report.eml", into: collector)
        #expect(collector.errors.isEmpty)
        #expect(collector.reports.count == 1)
    }

    /// The ceiling holds whatever the ratio: 8 MiB of blanks stop at a 4 MiB ceiling with the ratio off.
    @Test func theCeilingHoldsWhateverTheRatio() {
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 4 << 20
        limits.maxCompressionRatio = .max
        #expect(Fixture.read("hostile/gzip-bomb-8-mib.xml.gz", limits: limits).errorLines == [
            "hostile/gzip-bomb-8-mib.xml.gz: decompresses to more than 4 MiB (a compression bomb?)",
        ])
    }
}

/// Counts records and keeps the errors, nothing else (a big report is not held).
private final class RecordCounter: ReportHandler {
    var records = 0
    var errors: [DMARCError] = []

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {}
    func record(_ record: Record) { records += 1 }
    func endReport(_ header: ReportHeader) {}
    func fail(_ error: DMARCError) { errors.append(error) }
}
