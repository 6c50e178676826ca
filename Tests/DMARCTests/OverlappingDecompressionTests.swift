import DMARC
import Foundation
import Testing

/// With `overlapsDecompression`, an outer gzip stream is inflated on a second thread while it is parsed
/// (`Containers/OverlappingSink.swift`): the results and errors must be those of the one-thread path.
@Suite("Decompression overlapped with parsing")
struct OverlappingDecompressionTests {
    private func read(_ name: String, overlapped: Bool) -> (lines: [String], messages: UInt64) {
        var reader = ReportReader()
        reader.overlapsDecompression = overlapped
        let collector = ReportCollector()
        reader.read(path: Fixture.folder.appendingPathComponent(name).path, into: collector)
        let lines = (collector.errors.map(\.description) + collector.warnings.map(\.description)).map(Fixture.relative)
        return (lines, collector.reports.reduce(0) { $0 + $1.records.reduce(0) { $0 + $1.count } })
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
    }
}
