import DMARC
import Foundation

/// The mail fixtures (`Fixtures/mail`, written by `make-mail-fixtures.py`), found from this file's path.
enum MailFixtures {
    static let packageRoot = Fixture.packageRoot
    static let folder = packageRoot.appendingPathComponent("Fixtures/mail")
    /// The shared corpus of real reports, beside the package (absent on some machines).
    static let realCorpus = packageRoot.appendingPathComponent("../shared/corpus/real").standardizedFileURL

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    /// The messages all records of `report` stand for.
    static func messages(_ report: AggregateReport) -> UInt64 {
        report.records.reduce(0) { $0 + $1.count }
    }

    /// Everything `ReportReader` gives for a fixture.
    static func read(_ name: String, limits: ReadingLimits = .init()) -> ReportCollector {
        let collector = ReportCollector()
        ReportReader(limits: limits).read(path: path(name), into: collector)
        return collector
    }
}

extension ReportCollector {
    /// Messages over all reports read.
    var totalMessages: UInt64 { reports.reduce(0) { $0 + MailFixtures.messages($1) } }
    /// The names inside the file each report came from.
    var memberPaths: [[String]] { origins.map(\.members) }
}
