@testable import DMARC
import Foundation
import Testing

/// A small document is held and read whole by libxml2's pull parser (`WholeDocument`), and by the push parser,
/// given the document at once, when that read is not clean: either way a handler sees what the push parser alone
/// gives it, the same records in the same order, the same warnings, the same error with the same line. Each test
/// reads a document held (arriving in chunks of several sizes) and pushed at once (`wholeDocumentBytes: 0`), and
/// compares every event. (Pushed in other chunks, a truncated document may end on another line: libxml2's push
/// parser stops where its last chunk left it.)
@Suite("Whole documents: read at once, the same as pushed")
struct WholeDocumentTests {
    typealias Split = SplitDocumentTests

    @Test func cleanDocumentIsReadWhole() {
        let document = Split.document(records: 300)
        let held = expectSame(document, readWhole: true)
        #expect(held.filter { $0.hasPrefix("record") }.count == 300)
        #expect(held.first?.hasPrefix("begin") == true && held.last?.hasPrefix("end") == true)
        // Warnings the builder gives at the end (skipped and undisposed records) come after the records, as pushed.
        let skipping = Split.document(records: 100) { index in
            index % 40 == 39 ? Split.record(index, count: "0").replacingOccurrences(of: ">192.0.2.", with: ">\n<!--")
                .replacingOccurrences(of: "</source_ip>", with: "--></source_ip>")
                : Split.record(index)
        }
        let events = expectSame(skipping, readWhole: true)
        #expect(events.contains { $0.hasPrefix("warn skipped 2 records") })
        #expect(events.contains { $0.contains("first \"deliver\"") })
    }

    @Test func reportWithoutRecordsAndWithTheHeaderLast() {
        expectSame(Split.document(records: 0), readWhole: true)
        // The period after the records: the report begins with the first record, and ends with the whole header.
        let late = Split.document(records: 20)
            .replacingOccurrences(of: "<date_range><begin>1735689600</begin><end>1735775999</end></date_range>",
                                  with: "")
            .replacingOccurrences(of: "</feedback>", with: "<report_metadata><date_range><begin>1735689600</begin>"
                + "<end>1735775999</end></date_range></report_metadata></feedback>")
        expectSame(late, readWhole: nil)
    }

    @Test func brokenDocumentsArePushed() {
        let plain = Split.document(records: 40)
        let broken: [String] = [
            plain.replacingOccurrences(of: "</header_from>", with: "</header_frm>"),
            plain.replacingOccurrences(of: "<count>7</count>", with: "<count>7x</count>"),
            plain.replacingOccurrences(of: "example.com</header_from>", with: "&undefined;example.com</header_from>"),
            plain.replacingOccurrences(of: "<feedback>", with: "<!DOCTYPE feedback [<!ELEMENT feedback ANY>]>\n<feedback>"),
            plain.replacingOccurrences(of: "<feedback>",
                                       with: "<!DOCTYPE feedback [<!ENTITY e \"x\">]>\n<feedback>"),
            plain.replacingOccurrences(of: "<row>", with: "<row y:note=\"1\">"),
            plain.replacingOccurrences(of: "version=\"1.0\"", with: "version=\"1.1\""),
            plain.replacingOccurrences(of: "</feedback>", with: "</feedback>\n<record>junk</record> trailing"),
            plain.replacingOccurrences(of: "<feedback>", with: "<html>").replacingOccurrences(of: "</feedback>",
                                                                                             with: "</html>"),
            plain.replacingOccurrences(of: "<feedback>", with: "<wrapper><feedback>")
                .replacingOccurrences(of: "</feedback>", with: "</feedback></wrapper>"),
            plain.replacingOccurrences(of: "<policy_published>", with: "<policy_publishd>"),
            "not xml at all",
            // The pull parser stops at a NUL without a word; the push parser reports what follows.
            plain.replacingOccurrences(of: "</feedback>", with: "</feedback>\u{0}\u{0}\n<a/>"),
            plain.replacingOccurrences(of: "</feedback>", with: "</feedback>\u{0}"),
            plain.replacingOccurrences(of: "<org_name>", with: "<org_name>\u{0}"),
            "<?xml version=\"1.0\"?>",
        ]
        for document in broken {
            expectSame(document, readWhole: false)
        }
    }

    @Test func cleanVariantsAreReadWhole() {
        let plain = Split.document(records: 40)
        let clean: [String] = [
            plain.replacingOccurrences(of: "\n", with: "\r\n"),
            plain.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1")
                .replacingOccurrences(of: "example.org</org_name>", with: "caf\u{E9}.example.org</org_name>"),
            plain.replacingOccurrences(of: "<feedback>", with: "<feedback xmlns=\"urn:ietf:params:xml:ns:dmarc-2.0\">"),
            plain.replacingOccurrences(of: "</feedback>", with: "</feedback>\n<!-- a comment -->\n"),
            plain.replacingOccurrences(of: "<row>", with: "<row><![CDATA[ text ]]><?instruction?>"),
        ]
        for document in clean {
            expectSame(document, readWhole: true)
        }
        // Latin-1 bytes, declared as such.
        let latin1 = Array(plain.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1")
            .replacingOccurrences(of: "example.org</org_name>", with: "caf\u{1}.example.org</org_name>").utf8)
            .map { $0 == 1 ? 0xE9 : $0 }
        let held = read(latin1, chunkSize: 100, wholeDocumentBytes: WholeDocument.maxBytes)
        #expect(held.events == read(latin1, chunkSize: latin1.count, wholeDocumentBytes: 0).events)
        #expect(held.wasReadWhole)
    }

    /// A document libxml2 converts as it reads keeps the read callback the pull parser needs for that.
    @Test func declaredEncodings() {
        let cases: [(String, Bool)] = [
            ("<feedback/>", false),
            ("<?xml version=\"1.0\"?><feedback/>", false),
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", false),
            ("\u{FEFF}<?xml version='1.0' encoding = 'utf8' ?>", false),
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", true),
            ("<?xml version=\"1.0\"\n  encoding='windows-1252'?>", true),
            ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", true),
            ("<?xml version=\"1.0\" encoding=\"us-ascii\"?>", true),
            ("<?xml version=\"1.0\"" + String(repeating: " ", count: 300) + "?>", true),
        ]
        for (document, converts) in cases {
            let declares = Array(document.utf8).withUnsafeBytes { XMLPushParser.declaresOtherEncoding($0) }
            #expect(declares == converts, "\(document.prefix(60))")
        }
    }

    @Test func truncatedAnywhere() {
        let document = Array(Split.document(records: 20).utf8)
        for end in stride(from: 1, to: document.count, by: 37) {
            let cut = Array(document[..<end])
            let held = read(cut, chunkSize: 64, wholeDocumentBytes: WholeDocument.maxBytes)
            #expect(held.events == read(cut, chunkSize: cut.count, wholeDocumentBytes: 0).events, "cut at \(end)")
            #expect(!held.wasReadWhole, "cut at \(end)")
        }
    }

    @Test func limitsHoldInAWholeRead() {
        var limits = ReadingLimits()
        limits.maxRepeatedElements = 2
        limits.maxElementDepth = 6
        limits.maxTextBytes = 20
        let (repeated, deep, long) = Split.limitBreaking(records: 50, at: 20)
        for document in [repeated, deep, long] {
            let events = expectSame(document, readWhole: false, limits: limits)
            #expect(events.last?.hasPrefix("fail") == true)
        }
    }

    /// A document that grows past the most held is pushed from its first byte on, as it arrives.
    @Test func largerThanTheMostHeldIsPushed() {
        let document = Array(Split.document(records: 100).utf8)
        for most in [1, 4096, document.count - 1] {
            let held = read(document, chunkSize: 100, wholeDocumentBytes: most)
            #expect(!held.wasReadWhole, "at most \(most)")
            #expect(held.events == read(document, chunkSize: 100, wholeDocumentBytes: 0).events, "at most \(most)")
            #expect(held.events == read(document, chunkSize: document.count, wholeDocumentBytes: 0).events)
        }
        #expect(read(document, chunkSize: 100, wholeDocumentBytes: document.count).wasReadWhole)
    }

    /// Every XML fixture, the broken and the hostile ones too.
    @Test func everyXMLFixture() throws {
        let files = FileManager.default.enumerator(at: Fixture.folder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" }
        #expect(files.count > 50)
        var readWhole = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let held = read(bytes, chunkSize: 4096, wholeDocumentBytes: WholeDocument.maxBytes)
            #expect(held.events == read(bytes, chunkSize: bytes.count, wholeDocumentBytes: 0).events, "\(file.path)")
            if held.wasReadWhole { readWhole += 1 }
        }
        #expect(readWhole > 20)
    }

    // MARK: Reading

    struct Reading {
        var events: [String]
        var wasReadWhole: Bool
    }

    /// Reads `document` held (in chunks of several sizes) and pushed, and expects the same events; `readWhole`:
    /// whether the held read was whole (nil: either). Returns the events.
    @discardableResult
    func expectSame(_ document: String, readWhole: Bool?, limits: ReadingLimits = .init(),
                    sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let bytes = Array(document.utf8)
        let pushed = read(bytes, chunkSize: bytes.count, wholeDocumentBytes: 0, limits: limits)
        for size in [1, 100, 1 << 20] {
            let held = read(bytes, chunkSize: size, wholeDocumentBytes: WholeDocument.maxBytes, limits: limits)
            #expect(held.events == pushed.events, "chunks of \(size)", sourceLocation: sourceLocation)
            if let readWhole {
                #expect(held.wasReadWhole == readWhole, "chunks of \(size)", sourceLocation: sourceLocation)
            }
        }
        #expect(!pushed.wasReadWhole, sourceLocation: sourceLocation)
        return pushed.events
    }

    /// Reads `bytes` as an XML document arriving in chunks of `chunkSize`.
    func read(_ bytes: [UInt8], chunkSize: Int, wholeDocumentBytes: Int, limits: ReadingLimits = .init())
        -> Reading {
        let recorder = Split.Recorder()
        let stream = ReportStream(handler: recorder)
        let context = ReadingContext(stream: stream, limits: limits)
        let sink = XMLDocumentSink(context: context, origin: ReportOrigin(file: "report.xml"),
                                   wholeDocumentBytes: wholeDocumentBytes)
        sink.read(bytes, failing: stream) { _ in chunkSize }
        return Reading(events: recorder.events, wasReadWhole: sink.wasReadWhole)
    }
}
