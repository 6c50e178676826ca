import DMARC
import Foundation
import Testing

/// With `overlapsDecompression`, an outer gzip stream is inflated on a second thread while it is parsed
/// (`Containers/OverlappingSink.swift`): the results and errors must be those of the one-thread path.
@Suite("Decompression overlapped with parsing")
struct OverlappingDecompressionTests {
    private func read(_ name: String, overlapped: Bool) -> (lines: [String], messages: UInt64, elsewhere: Int) {
        var reader = ReportReader()
        reader.overlapsDecompression = overlapped
        let collector = ThreadNotingCollector()
        reader.read(path: Fixture.folder.appendingPathComponent(name).path, into: collector)
        let lines = (collector.errors.map(\.description) + collector.warnings.map(\.description)).map(Fixture.relative)
        return (lines, collector.reports.reduce(0) { $0 + $1.records.reduce(0) { $0 + $1.count } },
                collector.recordsOnOtherThreads)
    }

    @Test(arguments: [
        "containers/report.xml.gz", "containers/two-members.xml.gz", "containers/trailing-garbage.xml.gz",
        "containers/gzip-in-gzip.xml.gz.gz", "bad/truncated.xml.gz", "bad/corrupt.xml.gz", "bad/not-xml.xml.gz",
        "broken/truncated-report.xml.gz", "hostile/gzip-bomb.xml.gz.gz",
    ])
    func sameOutcomeAsOneThread(_ name: String) {
        let overlapped = read(name, overlapped: true)
        let serial = read(name, overlapped: false)
        #expect(overlapped.lines == serial.lines)
        #expect(overlapped.messages == serial.messages)
        // The records of the overlapped path are parsed on the second thread: proof that it ran.
        #expect(serial.elsewhere == 0)
        if overlapped.messages > 0 { #expect(overlapped.elsewhere > 0) }
    }

    /// At least one case must give records, or the check above proves nothing.
    @Test func theSecondThreadParses() {
        let overlapped = read("containers/report.xml.gz", overlapped: true)
        #expect(overlapped.messages > 0)
        #expect(overlapped.elsewhere > 0)
    }
}

/// A collector that notes how many records reached it on a thread other than the one it was made on.
private final class ThreadNotingCollector: ReportHandler {
    private let collector = ReportCollector()
    private let home = pthread_self()
    private(set) var recordsOnOtherThreads = 0
    var reports: [AggregateReport] { collector.reports }
    var errors: [DMARCError] { collector.errors }
    var warnings: [DMARCWarning] { collector.warnings }

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) { collector.beginReport(header, origin: origin) }
    func record(_ record: Record) {
        if pthread_equal(pthread_self(), home) == 0 { recordsOnOtherThreads += 1 }
        collector.record(record)
    }
    func endReport(_ header: ReportHeader) { collector.endReport(header) }
    func fail(_ error: DMARCError) { collector.fail(error) }
    func warn(_ warning: DMARCWarning) { collector.warn(warning) }
}
