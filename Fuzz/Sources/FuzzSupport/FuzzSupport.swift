internal import CFuzzerDriver
@testable import DMARC
import Foundation

/// What every fuzz target shares: small limits, so that an input costs little and a limit is reached often, and a
/// handler that checks the streaming contract and otherwise throws everything away.
public enum FuzzSupport {
    public static let limits: ReadingLimits = {
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = 1 << 20
        limits.maxElementDepth = 16
        limits.maxTextBytes = 4 << 10
        limits.maxZipMembers = 64
        limits.maxNesting = 3
        return limits
    }()

    /// Runs libFuzzer with the program's arguments, `test` called on each input.
    public static func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// Feeds `bytes` to the XML reader as the end of a pipeline would, sniffing skipped, in chunks whose size the
    /// first byte picks, so that chunk boundaries fall anywhere in libxml2's push parser: pushed as it arrives, and
    /// held and read whole (`WholeDocument`: libxml2's pull parser, the push parser given it at once if that read
    /// is not clean), which must give what the push parser given the document at once gives: the same reports,
    /// records, errors and warnings. (Pushed in other chunks, a truncated document may end on another line.)
    public static func readXML(_ bytes: UnsafeRawBufferPointer) {
        let chunk = max(1, Int(bytes.first ?? 0) * 4)
        _ = readXML(bytes, chunk: chunk, wholeDocumentBytes: 0)
        let held = readXML(bytes, chunk: chunk, wholeDocumentBytes: WholeDocument.maxBytes)
        let pushed = readXML(bytes, chunk: max(1, bytes.count), wholeDocumentBytes: 0)
        precondition(held == pushed, "a document read whole gave other than pushed at once: \(held) \(pushed)")
    }

    private static func readXML(_ bytes: UnsafeRawBufferPointer, chunk: Int, wholeDocumentBytes: Int)
        -> [RecordingHandler.Event] {
        let handler = RecordingHandler()
        let stream = ReportStream(handler: handler)
        let context = ReadingContext(stream: stream, limits: limits)
        let sink = XMLDocumentSink(context: context, origin: ReportOrigin(file: "fuzz.xml"),
                                   wholeDocumentBytes: wholeDocumentBytes)
        do throws(DMARCError) {
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + chunk)
                try sink.write(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
            }
            try sink.finish()
        } catch {
            stream.fail(error)
        }
        handler.checkEnded()
        return handler.events
    }
}

/// Discards reports, but traps when the library breaks the `ReportHandler` contract: a record outside a report,
/// a report begun twice, an end without a beginning.
public final class DiscardingHandler: ReportHandler {
    private var inReport = false
    public private(set) var reports = 0
    public private(set) var records = 0
    public private(set) var messages: UInt64 = 0

    public init() {}

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        precondition(!inReport, "beginReport inside a report")
        inReport = true
        _ = origin.description
    }

    public func record(_ record: Record) {
        precondition(inReport, "record outside a report")
        records += 1
        messages &+= record.count
        _ = record.sourceIP.text
        _ = record.failsDMARC
    }

    public func endReport(_ header: ReportHeader) {
        inReport = false
        reports += 1
        _ = header.metadata.reporter
    }

    public func fail(_ error: DMARCError) {
        inReport = false
        _ = error.description
    }

    public func warn(_ warning: DMARCWarning) {
        _ = warning.description
    }

    /// After one whole-document read: a report still open means neither `endReport` nor `fail` came.
    public func checkEnded() {
        precondition(!inReport, "a report neither ended nor failed")
    }
}

/// Writes down what a read gave, to compare two reads of the same bytes, and checks the streaming contract.
public final class RecordingHandler: ReportHandler {
    public enum Event: Equatable {
        case begin(ReportHeader, ReportOrigin), record(Record), end(ReportHeader), fail(String), warn(String)
    }

    private let contract = DiscardingHandler()
    public private(set) var events: [Event] = []

    public init() {}

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        contract.beginReport(header, origin: origin)
        events.append(.begin(header, origin))
    }

    public func record(_ record: Record) {
        contract.record(record)
        events.append(.record(record))
    }

    public func endReport(_ header: ReportHeader) {
        contract.endReport(header)
        events.append(.end(header))
    }

    public func fail(_ error: DMARCError) {
        contract.fail(error)
        events.append(.fail(error.description))
    }

    public func warn(_ warning: DMARCWarning) {
        contract.warn(warning)
        events.append(.warn(warning.description))
    }

    public func checkEnded() {
        contract.checkEnded()
    }
}
