import DMARC
import Foundation
import Testing

/// Reports come from strangers: no entity is expanded, no DTD or file is loaded, and every cost is bounded
/// (`XML/XMLPushParser.swift`, `Reading/ReadingLimits.swift`).
@Suite("Hostile inputs: refused or bounded, never expanded")
struct HostileInputTests {
    @Test(arguments: [
        ("hostile/xxe-external-entity.xml", "xxe"),
        ("hostile/xxe-parameter-entity.xml", "remote"),
        ("hostile/billion-laughs.xml", "lol"),
    ])
    func entityDeclarationsAreRefused(_ name: String, _ entity: String) {
        let reading = Fixture.read(name)
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "\(name): refused: the document declares entity \"\(entity)\" at line 3 (entities are never expanded)",
        ])
        #expect(reading.errors.first?.reason == .entityDeclaration(name: entity, line: 3))
    }

    /// A zip whose directory points past its end: ZIPFoundation's in-memory archive trapped on it (found by a
    /// mutation fuzzer); it must be a plain error, from a file or from memory.
    @Test func corruptZipOffsetsAreAnErrorNotATrap() throws {
        let reading = Fixture.read("hostile/corrupt-offset-past-end.zip")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "hostile/corrupt-offset-past-end.zip: corrupt zip archive: the central directory lies outside the archive",
        ])
        let fromMemory = ReportCollector()
        ReportReader().read(try Fixture.data("hostile/corrupt-offset-past-end.zip"), name: "memory.zip", into: fromMemory)
        #expect(fromMemory.errors.map(\.description) == [
            "memory.zip: corrupt zip archive: the central directory lies outside the archive",
        ])
    }

    /// A DOCTYPE naming an external DTD is read without loading it (and without the network).
    @Test func externalDTDIsNotLoaded() throws {
        let report = try Fixture.report("hostile/external-dtd.xml")
        #expect(report.metadata.orgName == "example.net")
        #expect(report.messageCount == 7)
    }

    /// XInclude is not processed: the element is unknown markup, its target never read.
    @Test func xincludeIsNotProcessed() throws {
        let report = try Fixture.report("hostile/xinclude.xml")
        #expect(report.metadata.orgName == "example.net")
        #expect(report.messageCount == 7)
    }

    /// 300 MiB of blanks in two rounds of gzip (1 KB on disk) stop at the ceiling when the ratio allows them.
    @Test func gzipBombStopsAtTheCeiling() {
        var limits = ReadingLimits()
        limits.maxCompressionRatio = .max
        limits.maxDecompressedBytes = 256 << 20
        let reading = Fixture.read("hostile/gzip-bomb.xml.gz.gz", limits: limits)
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "hostile/gzip-bomb.xml.gz.gz: decompresses to more than 256 MiB (a compression bomb?)",
        ])
        #expect(reading.errors.first?.reason == .limitExceeded(.decompressedBytes, limit: 256 << 20))
    }

    /// The limit, not the content, stops the bomb: under the default limit the same file reads.
    @Test func gzipBombStopsAtAConfiguredLimit() throws {
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 4 << 20
        let stopped = Fixture.read("hostile/gzip-bomb-8-mib.xml.gz", limits: limits)
        #expect(stopped.reports.isEmpty)
        #expect(stopped.errorLines == [
            "hostile/gzip-bomb-8-mib.xml.gz: decompresses to more than 4 MiB (a compression bomb?)",
        ])

        let report = try Fixture.report("hostile/gzip-bomb-8-mib.xml.gz")
        #expect(report.messagesBySourceIP == ["203.0.113.66": 1])
    }

    @Test func zipBombStopsAtAConfiguredLimit() throws {
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 4 << 20
        let stopped = Fixture.read("hostile/zip-bomb.zip", limits: limits)
        #expect(stopped.reports.isEmpty)
        #expect(stopped.errorLines == [
            "hostile/zip-bomb.zip: report.xml: decompresses to more than 4 MiB (a compression bomb?)",
        ])
        #expect(stopped.errors.first?.origin.members == ["report.xml"])

        let report = try Fixture.report("hostile/zip-bomb.zip")
        #expect(report.messagesBySourceIP == ["203.0.113.66": 1])
    }

    /// The report is 2,313 bytes of XML in a gzip of 518 bytes; gzip inside gzip counts both layers.
    @Test func decompressedBytesCountEveryLayer() {
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 2400
        #expect(Fixture.read("containers/report.xml.gz", limits: limits).errors.isEmpty)
        #expect(Fixture.read("containers/gzip-in-gzip.xml.gz.gz", limits: limits).errorLines == [
            "containers/gzip-in-gzip.xml.gz.gz: decompresses to more than 2400 bytes (a compression bomb?)",
        ])
        limits.maxDecompressedBytes = 2 << 10
        #expect(Fixture.read("containers/report.xml.gz", limits: limits).errorLines == [
            "containers/report.xml.gz: decompresses to more than 2 KiB (a compression bomb?)",
        ])
    }

    @Test func zipMemberLimit() {
        #expect(Fixture.read("hostile/many-members.zip").reports.count == 12)
        var limits = ReadingLimits()
        limits.maxZipMembers = 10
        let reading = Fixture.read("hostile/many-members.zip", limits: limits)
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "hostile/many-members.zip: zip archive lists more than 10 members",
        ])
    }

    @Test func containersNestedTooDeep() {
        let reading = Fixture.read("hostile/nested-6-deep.xml.gz")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "hostile/nested-6-deep.xml.gz: containers nest more than 4 deep (archive inside archive ...)",
        ])
    }

    @Test func elementsNestedTooDeep() {
        let reading = Fixture.read("hostile/deep-elements.xml")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "hostile/deep-elements.xml: elements nest deeper than 32 levels",
        ])
        var limits = ReadingLimits()
        limits.maxElementDepth = 4  // feedback/record/row/policy_evaluated/dkim is 5 deep
        #expect(Fixture.read("containers/leading-whitespace.xml", limits: limits).errorLines == [
            "containers/leading-whitespace.xml: elements nest deeper than 4 levels",
        ])
    }

    @Test func textTooLong() {
        let reading = Fixture.read("hostile/long-text.xml")
        #expect(reading.reports.isEmpty)
        #expect(reading.errorLines == [
            "hostile/long-text.xml: an element holds more than 64 KiB of text",
        ])
        var limits = ReadingLimits()
        limits.maxTextBytes = 8  // "mx.example.net" is 14
        #expect(Fixture.read("containers/leading-whitespace.xml", limits: limits).errorLines == [
            "containers/leading-whitespace.xml: an element holds more than 8 bytes of text",
        ])
    }
}
