@testable import DMARC
import Foundation
import Testing

/// A large document read on several threads (`SplitDocumentParser`) reads as one parse reads it: the same records
/// in the same order, the same warnings and the same error, with the same lines, on clean and broken input alike.
/// Each test reads a generated document split into small pieces and with splitting off, and compares every event.
@Suite("Split documents: read on several threads, the same as one parse")
struct SplitDocumentTests {
    /// Small, so that a document of a few hundred records splits into dozens of pieces.
    static let splitting = DocumentSplitting(workers: 2, threshold: 2048, pieceBytes: 1024)
    /// Chunk sizes the document arrives in after its first 4 KiB (where the first cut is tried).
    static let chunkSizes = [1, 2, 3, 5, 7, 8, 9, 13, 64, 100, 333, 1000, 4096, 1 << 20]

    @Test func cleanDocumentSplitsAndReadsTheSame() {
        let document = Self.document(records: 300)
        for size in Self.chunkSizes {
            let split = Self.read(document, chunkSize: size)
            #expect(split.events == Self.read(document, chunkSize: size, splitting: nil).events, "chunks of \(size)")
            #expect(split.pieces > 20, "chunks of \(size)")
        }
        #expect(Self.read(document, chunkSize: 1 << 20).events.filter { $0.hasPrefix("record") }.count == 300)
    }

    @Test func crlfLineEndingsAndLinesAfterThePieces() {
        let document = Self.document(records: 200).replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "</feedback>", with: "</feedback>\r\n<junk/>\r\n")
        Self.expectSame(document, split: true)
    }

    @Test func malformedRecordInTheMiddle() {
        let document = Self.document(records: 200) { index in
            index == 100 ? Self.record(index).replacingOccurrences(of: "</header_from>", with: "</header_frm>")
                : Self.record(index)
        }
        Self.expectSame(document, split: true)
        #expect(Self.read(document, chunkSize: 4096).events.contains { $0.hasPrefix("warn malformed XML") })
    }

    /// libxml2's pull parser, which reads a piece, would stop at a NUL byte without a word: such a piece is not
    /// clean, and the main parser reports it.
    @Test func nulByteInAPiece() {
        let document = Self.document(records: 200) { index in
            index == 100 ? Self.record(index).replacingOccurrences(of: "<row>", with: "<row>\u{0}") : Self.record(index)
        }
        Self.expectSame(document, split: true)
        #expect(Self.read(document, chunkSize: 4096).events.last?.hasPrefix("fail") == true)
    }

    @Test func invalidCountInThirdPiece() {
        for index in 20...26 {
            let document = Self.document(records: 100) { $0 == index ? Self.record($0, count: "1x") : Self.record($0) }
            Self.expectSame(document, split: true)
            #expect(Self.read(document, chunkSize: 4096).events.last?.hasPrefix("fail") == true)
        }
    }

    @Test func commentsCDATAAndInstructionsHoldingRecordTags() {
        // The last 50 records are plain: a cut inside a comment ends the split, and where it is tried again depends
        // on when a worker reports that piece (timing), so only plain records make sure some piece splits clean.
        let document = Self.document(records: 200) { index in
            switch index < 150 ? index % 4 : 3 {
            case 0: "<!-- <record> </record> <record>x -->" + Self.record(index)
            case 1: "<?keep <record> ?>" + Self.record(index)
                .replacingOccurrences(of: "</row>", with: "</row><extension><![CDATA[</record><record> ]]></extension>")
            case 2: Self.record(index).replacingOccurrences(of: "<record>", with: "<record\n  >")
            default: Self.record(index)
            }
        }
        Self.expectSame(document, split: true)
    }

    @Test func namespaces() {
        let plain = Self.document(records: 150)
        let defaulted = plain.replacingOccurrences(
            of: "<feedback>",
            with: "<feedback xmlns=\"urn:ietf:params:xml:ns:dmarc-2.0\" xmlns:x=\"urn:x?a=1&amp;b=2\">")
        Self.expectSame(defaulted, split: true)
        // Not a URI: libxml2 says so, and a document with a problem is not split.
        let quoted = plain.replacingOccurrences(of: "<feedback>", with: "<feedback xmlns:x=\"urn:&quot;&lt;&#9;\">")
        Self.expectSame(quoted, split: false)
        let prefixedRoot = plain.replacingOccurrences(of: "<feedback>", with: "<d:feedback xmlns:d=\"urn:d\">")
            .replacingOccurrences(of: "</feedback>", with: "</d:feedback>")
        Self.expectSame(prefixedRoot, split: true)
        // Every element prefixed: no `<record` start tag to cut before, so it is never split.
        let prefixed = plain.replacingOccurrences(of: "</", with: "\u{1}").replacingOccurrences(of: "<", with: "<d:")
            .replacingOccurrences(of: "\u{1}", with: "</d:").replacingOccurrences(of: "<d:?xml", with: "<?xml")
            .replacingOccurrences(of: "<d:feedback>", with: "<d:feedback xmlns:d=\"urn:d\">")
        Self.expectSame(prefixed, split: false)
        // A prefix declared on the root and used in records: pieces declare it too.
        let usedPrefix = defaulted.replacingOccurrences(of: "<row>", with: "<row x:note=\"1\">")
        Self.expectSame(usedPrefix, split: true)
        // A prefix no one declared: every piece has a problem, and the main parser reads it.
        let undeclared = plain.replacingOccurrences(of: "<row>", with: "<row y:note=\"1\">")
        Self.expectSame(undeclared, split: false)
    }

    @Test func whatFollowsTheEnd() {
        for junk in ["<record>junk</record> trailing", "text", "<!-- fine -->", "</feedback>", "<a>"] {
            let document = Self.document(records: 150)
                .replacingOccurrences(of: "</feedback>", with: "</feedback>\n\(junk)\n")
            Self.expectSame(document, split: true)
        }
        // The end tag, then records: a piece that holds the end does not parse clean.
        let early = Self.document(records: 150) { $0 == 60 ? "</feedback>\n" + Self.record($0) : Self.record($0) }
        Self.expectSame(early, split: true)
    }

    @Test func truncatedAnywhere() {
        let document = Array(Self.document(records: 60).utf8)
        for end in stride(from: 2100, to: document.count, by: 97) + [document.count - 1, document.count - 12] {
            let cut = String(decoding: document[..<end], as: UTF8.self)
            #expect(Self.read(cut, chunkSize: 64).events == Self.read(cut, chunkSize: 64, splitting: nil).events,
                    "cut at \(end)")
        }
    }

    @Test func skippedAndUndisposedRecordsAreWarnedAbout() {
        let document = Self.document(records: 200) { index in
            index % 40 == 39 ? Self.record(index, count: "0").replacingOccurrences(of: ">192.0.2.", with: ">\n<!--")
                .replacingOccurrences(of: "</source_ip>", with: "--></source_ip>")
                : Self.record(index)
        }
        let events = Self.expectSame(document, split: true)
        #expect(events.contains { $0.hasPrefix("warn skipped 5 records") })
        #expect(events.contains { $0.contains("first \"deliver\"") })
    }

    @Test func limitsHoldInPieces() {
        var limits = ReadingLimits()
        limits.maxRepeatedElements = 2
        limits.maxElementDepth = 6
        let (repeated, deep, long) = Self.limitBreaking(records: 100, at: 40)
        Self.expectSame(repeated, split: true, limits: limits)
        let failure = Self.read(repeated, chunkSize: 4096, limits: limits).events.last
        #expect(failure?.contains("repeats an element") == true)
        Self.expectSame(deep, split: true, limits: limits)
        #expect(Self.read(deep, chunkSize: 4096, limits: limits).events.last?.contains("nest deeper") == true)
        limits.maxTextBytes = 20
        Self.expectSame(long, split: true, limits: limits)
    }

    @Test func entitiesAndDocumentTypes() {
        let undefined = Self.document(records: 100) { index in
            index == 50 ? Self.record(index).replacingOccurrences(of: "example.com</header_from>",
                                                                  with: "&undefined;example.com</header_from>")
                : Self.record(index)
        }
        Self.expectSame(undefined, split: true)
        let typed = Self.document(records: 100).replacingOccurrences(
            of: "<feedback>", with: "<!DOCTYPE feedback [<!ELEMENT feedback ANY>]>\n<feedback>")
        Self.expectSame(typed, split: false)
        let latin1 = Self.document(records: 100).replacingOccurrences(of: "UTF-8", with: "ISO-8859-1")
        Self.expectSame(latin1, split: false)
    }

    /// Through the reader, gzip and all: the records of a split report are those of an unsplit one.
    @Test func readerSplitsAGzipReport() throws {
        let document = Data(Self.document(records: 400).utf8)
        var reader = ReportReader()
        reader.documentSplitting = Self.splitting
        reader.overlapsDecompression = true
        let compressed = Deflate.gzip(document)
        let split = try reader.reports(in: compressed)
        let whole = try ReportReader().reports(in: document)
        #expect(split == whole)
        #expect(split.first?.records.count == 400)
    }

    // MARK: Reading

    struct Reading {
        var events: [String]
        var pieces: Int
    }

    /// Every event a handler sees, in order, whole.
    final class Recorder: ReportHandler {
        var events: [String] = []
        func beginReport(_ header: ReportHeader, origin: ReportOrigin) { events.append("begin \(header)") }
        func record(_ record: Record) { events.append("record \(record)") }
        func endReport(_ header: ReportHeader) { events.append("end \(header)") }
        func fail(_ error: DMARCError) { events.append("fail \(error) \(error.reason)") }
        func warn(_ warning: DMARCWarning) { events.append("warn \(warning.message)") }
    }

    /// Reads `document` as an XML document: its first 4 KiB in one chunk, then in chunks of `chunkSize`.
    static func read(_ document: String, chunkSize: Int, splitting: DocumentSplitting? = Self.splitting,
                     limits: ReadingLimits = .init()) -> Reading {
        let bytes = Array(document.utf8)
        let recorder = Recorder()
        let stream = ReportStream(handler: recorder)
        let context = ReadingContext(stream: stream, limits: limits, splitting: splitting)
        let sink = XMLDocumentSink(context: context, origin: ReportOrigin(file: "giant.xml"))
        sink.read(bytes, failing: stream) { $0 == 0 ? 4096 : chunkSize }
        return Reading(events: recorder.events, pieces: sink.piecesHandedOn)
    }

    /// Reads `document` in every chunk size, split and not, and expects the same events; `split`: whether
    /// pieces were handed on (when the document arrives in chunks of 100 bytes). Returns the events.
    @discardableResult
    static func expectSame(_ document: String, split: Bool, limits: ReadingLimits = .init(),
                           sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let whole = read(document, chunkSize: 100, splitting: nil, limits: limits)
        for size in [1, 7, 100, 4096] {
            let reading = read(document, chunkSize: size, limits: limits)
            #expect(reading.events == whole.events, "chunks of \(size)", sourceLocation: sourceLocation)
            if size == 100 {
                #expect((reading.pieces > 0) == split, "pieces: \(reading.pieces)", sourceLocation: sourceLocation)
            }
        }
        return whole.events
    }

    // MARK: Documents

    static func document(records: Int, record: (Int) -> String = { SplitDocumentTests.record($0) }) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <feedback>
          <report_metadata><org_name>example.org</org_name><email>dmarc@example.org</email>\
        <report_id>giant-1</report_id><date_range><begin>1735689600</begin><end>1735775999</end></date_range>\
        </report_metadata>
          <policy_published><domain>example.com</domain><p>none</p></policy_published>
          \((0..<records).map(record).joined(separator: "\n  "))
        </feedback>

        """
    }

    /// Documents of `records` records whose record `index` breaks a limit (`maxRepeatedElements` 2,
    /// `maxElementDepth` 6, `maxTextBytes` 20): three `<spf>`, an extension four deep, a 23-byte `<header_from>`.
    static func limitBreaking(records: Int, at index: Int) -> (repeated: String, deep: String, long: String) {
        let breaking = { (change: (String) -> String) in
            document(records: records) { $0 == index ? change(record($0)) : record($0) }
        }
        return (breaking { $0.replacingOccurrences(of: "</auth_results>", with: "<spf><domain>a</domain></spf>"
                    + "<spf><domain>b</domain></spf><spf><domain>c</domain></spf></auth_results>") },
                breaking { $0.replacingOccurrences(
                    of: "</row>", with: "</row><extension><a><b><c><d>deep</d></c></b></a></extension>") },
                breaking { $0.replacingOccurrences(of: "example.com</header_from>",
                                                   with: "mail.longer.example.com</header_from>") })
    }

    /// Record `index`: every seventh without a disposition the RFCs define.
    static func record(_ index: Int, count: String? = nil) -> String {
        """
        <record>
            <row><source_ip>192.0.2.\(index % 250)</source_ip><count>\(count ?? String(index + 1))</count>\
        <policy_evaluated><disposition>\(index % 7 == 3 ? "deliver" : "none")</disposition><dkim>pass</dkim>\
        <spf>fail</spf></policy_evaluated></row>
            <identifiers><header_from>example.com</header_from></identifiers>
            <auth_results><dkim><domain>example.com</domain><result>pass</result></dkim></auth_results>
          </record>
        """
    }
}
