import DMARC
import Dispatch
import Foundation
import Testing

/// Containers are recognised by their first bytes, never by their names (`Containers/`).
@Suite("Containers: gzip, zip and plain XML, detected by content")
struct ContainerTests {
    /// Every file here holds the same report: 3 records, 10 messages (see `make-fixtures.py`).
    static let sameReport = [
        "containers/report.xml.gz",
        "containers/two-members.xml.gz",
        "containers/trailing-crlf.xml.gz",
        "containers/gzip-in-gzip.xml.gz.gz",
        "containers/gzip-in-zip.zip",
        "containers/stored.zip",
        "containers/subfolders.zip",
        "containers/data-descriptor.zip",
        "containers/zip64.zip",
        "containers/zip64-data-descriptor.zip",
        "containers/bom-and-blank-lines.xml",
        "containers/leading-whitespace.xml",
        "containers/utf-16.xml",
    ]

    static func expectContainerReport(_ report: AggregateReport, reportID: String = "container-1",
                                      domain: String = "example.com") {
        #expect(report.metadata.orgName == "mx.example.net")
        #expect(report.metadata.reportID == reportID)
        #expect(report.policy.domain == domain)
        #expect(report.records.count == 3)
        #expect(report.messageCount == 10)
        #expect(report.messagesBySourceIP == ["192.0.2.10": 7, "198.51.100.23": 2, "2001:db8::25": 1])
        #expect(report.records.map(\.failsDMARC) == [false, true, false])
    }

    @Test(arguments: sameReport)
    func holdsTheReport(_ name: String) throws {
        Self.expectContainerReport(try Fixture.report(name))
    }

    @Test(arguments: sameReport)
    func readsTheSameFromMemory(_ name: String) throws {
        let reports = try ReportReader().reports(in: try Fixture.data(name), name: "attachment")
        #expect(reports.count == 1)
        Self.expectContainerReport(try #require(reports.first))
    }

    /// Bytes arrive in pieces of 1 to 7 bytes: sniffing, gzip members and XML cross every boundary.
    @Test(arguments: sameReport)
    func readsTheSameInTinyChunks(_ name: String) throws {
        let bytes = try Fixture.data(name)
        var chunked = DispatchData.empty
        var offset = 0
        var size = 1
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            bytes[offset..<end].withUnsafeBytes { chunked.append($0) }
            offset = end
            size = size % 7 + 1
        }
        #expect(chunked.regions.count > 100)
        let reports = try ReportReader().reports(in: chunked, name: "chunked")
        #expect(reports.count == 1)
        Self.expectContainerReport(try #require(reports.first))
    }

    @Test func theNameDoesNotDecide() throws {
        let zip = try Fixture.data("containers/stored.zip")
        let gzip = try Fixture.data("containers/report.xml.gz")
        let zipNamedGzip = try ReportReader().reports(in: zip, name: "report.xml.gz")
        let gzipNamedXML = try ReportReader().reports(in: gzip, name: "report.xml")
        Self.expectContainerReport(try #require(zipNamedGzip.first))
        Self.expectContainerReport(try #require(gzipNamedXML.first))
    }

    @Test func zipWithTwoReports() {
        let reading = Fixture.read("containers/two-reports.zip")
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty)
        #expect(reading.reports.count == 2)
        #expect(reading.origins.map(\.members) == [["example.com.xml"], ["example.org.xml"]])
        Self.expectContainerReport(reading.reports[0], reportID: "container-com", domain: "example.com")
        Self.expectContainerReport(reading.reports[1], reportID: "container-org", domain: "example.org")
        #expect(reading.reports.map(\.messageCount).reduce(0, +) == 20)
    }

    /// `Reports/…/NAME.XML` is read; `README.txt`, `._NAME.XML` and `__MACOSX/` are not, and are no error.
    @Test func zipMembersInSubfoldersAndMacOSMetadata() {
        let reading = Fixture.read("containers/subfolders.zip")
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty)
        let member = "Reports/2025-01-01/EXAMPLE.COM!1735689600!1735775999.XML"
        #expect(reading.origins == [ReportOrigin(file: fixture("containers/subfolders.zip"), members: [member])])
    }

    @Test func gzipInZipNamesTheMember() {
        let reading = Fixture.read("containers/gzip-in-zip.zip")
        #expect(reading.origins.map(\.members) == [["report.xml.gz"]])
    }

    /// Mimecast appends CRLF after the gzip data: ignored silently. Anything else is ignored with a warning.
    @Test func bytesAfterTheLastGzipMember() throws {
        #expect(Fixture.read("containers/trailing-crlf.xml.gz").warnings.isEmpty)
        let reading = Fixture.read("containers/trailing-garbage.xml.gz")
        #expect(reading.errors.isEmpty)
        Self.expectContainerReport(try #require(reading.reports.first))
        #expect(reading.warningLines == [
            "containers/trailing-garbage.xml.gz: warning: ignored 14 bytes after the gzip data",
        ])
    }

    @Test func reportsAtPathAndInDataAgree() throws {
        for name in Self.sameReport {
            let fromPath = try ReportReader().reports(atPath: fixture(name))
            let fromData = try ReportReader().reports(in: try Fixture.data(name))
            #expect(fromPath == fromData, "\(name)")
        }
    }
}

@Suite("Sniffing across small chunks")
struct SniffingChunkTests {
    /// More blank lines than the sniffer looks at before deciding, arriving a few bytes at a time (as decoded
    /// mail parts do), still lead to the XML behind them.
    @Test func longBlankPrefixInSmallChunks() throws {
        let report = try Data(contentsOf: Fixture.folder.appendingPathComponent("containers/leading-whitespace.xml"))
        let padded = Data(repeating: 0x0A, count: 4000) + report
        let collector = ReportCollector()
        ReportReader().read(ChunkedBytes(padded, chunk: 7), name: "padded.xml", into: collector)
        #expect(collector.errors.isEmpty)
        #expect(collector.reports.count == 1)
    }
}

/// Bytes handed over in regions of a fixed size, like a stream.
private struct ChunkedBytes: DataProtocol {
    let data: Data
    let chunk: Int
    init(_ data: Data, chunk: Int) {
        self.data = data
        self.chunk = chunk
    }
    var regions: [Data] {
        stride(from: 0, to: data.count, by: chunk).map { data.subdata(in: $0..<Swift.min($0 + chunk, data.count)) }
    }
    var startIndex: Int { data.startIndex }
    var endIndex: Int { data.endIndex }
    subscript(position: Int) -> UInt8 { data[position] }
}
