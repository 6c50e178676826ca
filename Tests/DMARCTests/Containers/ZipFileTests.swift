import DMARC
import Foundation
import Testing

/// A zip that is a regular file is read where it lies (`pread`: its end records, its directory in windows, each
/// member in pieces), never held whole; from memory (standard input, a zip inside a container) it is collected
/// first. The two must give the same, to the byte of every message, whatever the archive holds.
@Suite("Zip files read where they lie give what the same bytes give from memory")
struct ZipFileTests {
    /// What a read gave, the messages whole.
    struct Outcome: Equatable, CustomStringConvertible {
        var reports: [AggregateReport]
        var origins: [ReportOrigin]
        var errors: [String]
        var warnings: [String]

        init(_ collector: ReportCollector) {
            reports = collector.reports
            origins = collector.origins
            errors = collector.errors.map(\.description)
            warnings = collector.warnings.map(\.description)
        }

        var description: String { "\(reports.count) reports, errors \(errors), warnings \(warnings)" }
    }

    static func fromPath(_ path: String, limits: ReadingLimits = .init()) -> Outcome {
        let collector = ReportCollector()
        ReportReader(limits: limits).read(path: path, into: collector)
        return Outcome(collector)
    }

    /// The bytes read from memory under the file's name, so that the messages can be compared whole.
    static func fromMemory(_ bytes: Data, name: String, limits: ReadingLimits = .init()) -> Outcome {
        let collector = ReportCollector()
        ReportReader(limits: limits).read(bytes, name: name, into: collector)
        return Outcome(collector)
    }

    /// A folder of its own for each test's files, removed at the end.
    final class Scratch {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ZipFileTests-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(at: folder)
        }

        func write(_ bytes: Data, as name: String = "archive.zip") throws -> String {
            let url = folder.appendingPathComponent(name)
            try bytes.write(to: url)
            return url.path
        }
    }

    /// Reads `bytes` as a file and from memory, and expects the same.
    static func expectSame(_ bytes: Data, in scratch: Scratch, limits: ReadingLimits = .init(),
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let path = try scratch.write(bytes)
        let fromFile = fromPath(path, limits: limits)
        let fromMemory = fromMemory(bytes, name: path, limits: limits)
        #expect(fromFile == fromMemory, sourceLocation: sourceLocation)
        return fromFile
    }

    /// Every fixture that is a zip, found by its first bytes (Fixtures/hostile's included).
    static let zipFixtures: [String] = {
        let root = Fixture.folder.path + "/"
        let files = FileManager.default.enumerator(atPath: Fixture.folder.path)?.compactMap { $0 as? String } ?? []
        return files.filter { name in
            guard let handle = FileHandle(forReadingAtPath: root + name) else { return false }
            defer { try? handle.close() }
            let head = try? handle.read(upToCount: 4)
            return head == Data([0x50, 0x4B, 0x03, 0x04]) || head == Data([0x50, 0x4B, 0x05, 0x06])
        }.sorted()
    }()

    /// Small limits reach the archive-size ceiling, the member count and the ratio on the fixtures.
    static let limitSets: [ReadingLimits] = {
        var small = ReadingLimits()
        small.maxDecompressedBytes = 2048
        var few = ReadingLimits()
        few.maxZipMembers = 3
        few.maxCompressionRatio = 3
        few.ratioGuardBytes = 1024
        var bombs = ReadingLimits()
        bombs.maxDecompressedBytes = 4 << 20
        return [ReadingLimits(), small, few, bombs]
    }()

    @Test func theFixturesHoldZips() {
        #expect(Self.zipFixtures.count >= 19)
        #expect(Self.zipFixtures.contains("hostile/zip-bomb-overlapping.zip"))
    }

    @Test(arguments: zipFixtures)
    func everyZipFixture(_ name: String) throws {
        let path = fixture(name)
        let bytes = try Fixture.data(name)
        for limits in Self.limitSets {
            #expect(Self.fromPath(path, limits: limits) == Self.fromMemory(bytes, name: path, limits: limits),
                    "\(name), limits \(limits)")
        }
    }

    /// An archive cut anywhere: no end record, a directory or a member past the end.
    @Test(arguments: ["containers/two-reports.zip", "containers/zip64.zip", "containers/data-descriptor.zip"])
    func everyTruncation(_ name: String) throws {
        let scratch = try Scratch()
        let bytes = try Fixture.data(name)
        for length in 0..<bytes.count {
            _ = try Self.expectSame(bytes.prefix(length), in: scratch)
        }
    }

    /// Every byte of an archive damaged in turn: signatures, lengths, offsets, CRCs, deflated data.
    @Test(arguments: ["containers/two-reports.zip", "containers/zip64-data-descriptor.zip"])
    func everyDamagedByte(_ name: String) throws {
        let scratch = try Scratch()
        let bytes = try Fixture.data(name)
        for position in 0..<bytes.count {
            var damaged = bytes
            damaged[position] ^= 0xA5
            _ = try Self.expectSame(damaged, in: scratch)
        }
    }

    /// A directory of 3,000 entries with long names (about 600 KB) is read in several windows, entries falling
    /// across their ends; a comment of 60,000 bytes sits after the end record.
    @Test func directoryLargerThanAWindow() throws {
        let scratch = try Scratch()
        var writer = ZipWriter()
        let member = Data(InlineReport.oneRecord(count: "<count>1</count>").utf8)
        let crc = ZipWriter.crc32(member)
        let padding = String(repeating: "x", count: 150)
        for index in 0..<3000 {
            writer.add("reports/\(padding)-\(index).xml", member, crc: crc)
        }
        let comment = Data(repeating: UInt8(ascii: "c"), count: 60_000)
        let outcome = try Self.expectSame(writer.archive(comment: comment), in: scratch)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.reports.count == 3000)
        #expect(outcome.origins.last?.members == ["reports/\(padding)-2999.xml"])
    }

    /// The end record's fields full, their values in a zip64 end record that a locator points to.
    @Test func zip64EndRecords() throws {
        let scratch = try Scratch()
        var writer = ZipWriter()
        writer.add("report.xml", Data(InlineReport.oneRecord(count: "<count>4</count>").utf8))
        for comment in [Data(), Data("a comment".utf8)] {
            let outcome = try Self.expectSame(writer.archive(zip64: true, comment: comment), in: scratch)
            #expect(outcome.errors.isEmpty)
            #expect(outcome.reports.map(\.messageCount) == [4])
        }
        // A locator that points nowhere.
        var lying = writer.archive(zip64: true)
        lying[lying.count - 22 - 20 + 8] ^= 0x40
        let outcome = try Self.expectSame(lying, in: scratch)
        #expect(outcome.errors.map { $0.hasSuffix("no zip64 end of central directory record where the locator says") }
            == [true])
    }

    /// 100,000 members with zip64 end records, refused at the default 10,000 whether the end record says so or
    /// lies (a count of 3), read through windows of the directory from the file.
    @Test func hundredThousandMembers() throws {
        let scratch = try Scratch()
        var writer = ZipWriter()
        let member = Data(InlineReport.oneRecord(count: "<count>1</count>").utf8)
        let crc = ZipWriter.crc32(member)
        for index in 0..<100_000 {
            writer.add("report-\(index).xml", member, crc: crc)
        }
        for stated in [100_000, 3] {
            let outcome = try Self.expectSame(writer.archive(statedCount: stated), in: scratch)
            #expect(outcome.errors.map { $0.hasSuffix(": zip archive lists more than 10000 members") } == [true])
        }
    }

    /// One report of `records` records (each about 250 bytes), and a comment of `noise` bytes of hexadecimal
    /// digits that deflate cannot shrink much.
    static func largeReport(records: Int, noise: Int = 0) -> Data {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        let hex = String(decoding: (0..<noise).map { _ in digits[Int(generator.next() % 16)] }, as: UTF8.self)
        let row = """
              <record><row><source_ip>192.0.2.1</source_ip><count>1</count><policy_evaluated>\
            <disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>\
            <identifiers><header_from>example.com</header_from></identifiers></record>

            """
        let report = InlineReport.oneRecord(count: "<count>1</count>")
        let (head, tail) = (report.components(separatedBy: "</feedback>")[0], "<!-- \(hex) --></feedback>\n")
        return Data((head + String(repeating: row, count: records) + tail).utf8)
    }

    /// Members larger than one read: a stored one of about 1 MB, a deflated one of about 600 KB compressed; and
    /// the same stored member with a wrong CRC-32, found only after its last piece.
    @Test func membersLargerThanOneRead() throws {
        let scratch = try Scratch()
        let stored = Self.largeReport(records: 4000)
        let noisy = Self.largeReport(records: 10, noise: 1_200_000)
        let deflated = Deflate.raw(noisy)
        #expect(stored.count > 3 * (256 << 10) && deflated.count > 2 * (256 << 10))
        var writer = ZipWriter()
        writer.add("stored.xml", stored)
        writer.add("deflated.xml", noisy, deflated: deflated)
        writer.add("damaged.xml", stored, crc: ZipWriter.crc32(stored) ^ 1)
        let outcome = try Self.expectSame(writer.archive(), in: scratch)
        #expect(outcome.reports.map(\.messageCount) == [4001, 11])
        #expect(outcome.errors.map { $0.hasSuffix("damaged.xml: corrupt zip archive: CRC-32 mismatch (member damaged)") }
            == [true])
    }

    /// Cuts the file at `length` bytes when the first report begins: the file shrinks while it is read.
    final class Truncating: ReportHandler {
        let path: String
        let length: Int
        let collector = ReportCollector()

        init(path: String, length: Int) {
            self.path = path
            self.length = length
        }

        func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
            if collector.reports.isEmpty { precondition(truncate(path, off_t(length)) == 0) }
            collector.beginReport(header, origin: origin)
        }

        func record(_ record: Record) { collector.record(record) }
        func endReport(_ header: ReportHeader) { collector.endReport(header) }
        func fail(_ error: DMARCError) { collector.fail(error) }
        func warn(_ warning: DMARCWarning) { collector.warn(warning) }
    }

    /// A file cut while it is read gives an error naming it, never a trap or a wait; and shows that the file was
    /// read where it lies: held in memory, it would have been read whole.
    @Test func fileTruncatedBetweenMembers() throws {
        let scratch = try Scratch()
        var writer = ZipWriter()
        writer.add("first.xml", Data(InlineReport.oneRecord(count: "<count>1</count>").utf8))
        let secondHeader = writer.data.count
        writer.add("second.xml", Data(InlineReport.oneRecord(count: "<count>2</count>").utf8))
        let bytes = writer.archive()
        let path = try scratch.write(bytes)

        let handler = Truncating(path: path, length: secondHeader)
        ReportReader().read(path: path, into: handler)
        #expect(handler.collector.reports.map(\.messageCount) == [1])
        #expect(handler.collector.errors.map(\.description) == [
            "\(path): cannot read: the file ends at byte \(secondHeader), not \(bytes.count) as when reading began "
                + "(truncated while read?)",
        ])
        #expect(Self.fromMemory(bytes, name: path).reports.count == 2)
    }

    /// Cut inside a member larger than one read: its report fails, with the same error. The member is larger than
    /// a document held for a whole read (`WholeDocument.maxBytes`, four reads), so its report begins while it is read.
    @Test func fileTruncatedInsideAMember() throws {
        let scratch = try Scratch()
        var writer = ZipWriter()
        writer.add("large.xml", Self.largeReport(records: 8000))
        let bytes = writer.archive()
        let path = try scratch.write(bytes)

        let handler = Truncating(path: path, length: 100_000)
        ReportReader().read(path: path, into: handler)
        #expect(handler.collector.reports.isEmpty)
        let start = 30 + "large.xml".utf8.count
        // The member's first five pieces were read before its report began (four held, the fifth more than may be
        // held); the sixth is past the new end.
        #expect(handler.collector.errors.map(\.description) == [
            "\(path): cannot read: the file ends at byte \(start + 5 * (256 << 10)), not \(bytes.count) as when "
                + "reading began (truncated while read?)",
        ])
    }

    /// A zip whose size passes `maxDecompressedBytes` is refused as when it is collected in memory.
    @Test func archiveLargerThanTheCeiling() throws {
        let scratch = try Scratch()
        var writer = ZipWriter()
        writer.add("large.xml", Self.largeReport(records: 100))
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 10_000
        let outcome = try Self.expectSame(writer.archive(), in: scratch, limits: limits)
        #expect(outcome.errors.map { $0.hasSuffix(": decompresses to more than 10000 bytes (a compression bomb?)") }
            == [true])
    }
}
