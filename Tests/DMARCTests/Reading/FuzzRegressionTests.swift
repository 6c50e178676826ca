import DMARC
import Foundation
import Testing

/// What the fuzzers (`Fuzz/`, run by `Fuzz/run.sh`) found, each input now giving one clear error.
///
/// The zips hung or trapped in ZIPFoundation, which read them before `ZipDirectory` did: a deflate stream that
/// does not end looped forever at the end of the file, and a zip64 size past `Int64.max` trapped. A document that
/// declares an entity leaked libxml2's DTD document (`XMLPushParser.deinit`): the fuzzers' leak check over their
/// corpus, which holds `hostile/billion-laughs.xml`, catches it again in `.ci/run`. An encoding error was printed
/// by libxml2 itself, outside the tool's one line per file.
@Suite("Fuzzer findings: an error each, never a trap or a hang")
struct FuzzRegressionTests {
    static let corruptZips = [
        ("fuzz/deflate-never-ends.zip", "the member's deflated data ends early (archive damaged?)"),
        ("fuzz/zip64-size-past-int64.zip", "the member's data runs past the end of the archive"),
        ("fuzz/stored-size-past-end.zip", "the member's data runs past the end of the archive"),
    ]

    @Test(arguments: corruptZips)
    func corruptZipMember(_ name: String, _ problem: String) throws {
        let reading = Fixture.read(name)
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == ["\(name): report.xml: corrupt zip archive: \(problem)"])

        let fromMemory = ReportCollector()
        ReportReader().read(try Fixture.data(name), name: "memory.zip", into: fromMemory)
        #expect(fromMemory.errors.map(\.description) == ["memory.zip: report.xml: corrupt zip archive: \(problem)"])
    }

    /// The fuzzer met the endless deflate stream as a mail attachment first; the message's other report counts.
    @Test(arguments: corruptZips)
    func corruptZipAttachedToAMessage(_ name: String, _ problem: String) throws {
        let good = try Fixture.data("containers/report.xml.gz")
        let message = """
            From: noreply-dmarc-support@google.com
            Subject: Report domain: example.com
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: application/zip; name="broken.zip"
            Content-Transfer-Encoding: base64

            \(try Fixture.data(name).base64EncodedString(options: .lineLength76Characters))
            --b
            Content-Type: application/gzip; name="good.xml.gz"
            Content-Transfer-Encoding: base64

            \(good.base64EncodedString(options: .lineLength76Characters))
            --b--

            """
        let collector = ReportCollector()
        ReportReader().read(message: Data(message.utf8), name: "fuzz.eml", into: collector)
        #expect(collector.errors.map(\.description) == [
            "fuzz.eml: broken.zip: report.xml: corrupt zip archive: \(problem)",
        ])
        #expect(collector.reports.count == 1)
        #expect(collector.reports.first?.messageCount == 10)
    }

    /// Bytes the declared encoding cannot have: libxml2 printed "encoding error : ..." lines to stderr itself and
    /// the report seemed truncated; now its message is the one error.
    @Test func unconvertibleEncodingIsOneError() {
        let reading = Fixture.read("fuzz/unconvertible-shift-jis.xml")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "fuzz/unconvertible-shift-jis.xml: malformed XML at line 2: input conversion failed due to input error, "
                + "bytes 0xFF 0xFF 0x3C 0x2F",
        ])
    }

    /// A directory damaged after its first entries: those members count, and the damage is one more error.
    @Test func damagedDirectoryKeepsTheMembersBeforeIt() throws {
        let report = try Fixture.data("containers/leading-whitespace.xml")
        var writer = ZipWriter()
        writer.add("a.xml", report)
        writer.add("b.xml", report)
        var archive = writer.archive()
        // The second central directory entry's signature, spoilt.
        let second = archive.range(of: Data("PK\u{01}\u{02}".utf8), options: .backwards)!
        archive[second.lowerBound] = UInt8(ascii: "X")
        let collector = ReportCollector()
        ReportReader().read(archive, name: "damaged.zip", into: collector)
        #expect(collector.reports.count == 1)
        #expect(collector.errors.map(\.description) == [
            "damaged.zip: corrupt zip archive: central directory entry 2 of 2 is damaged",
        ])
    }
}
