import DMARC
import Foundation

/// The files in `Fixtures/` at the package root, found from this source file's path (no bundle resources).
enum Fixture {
    /// This file is `Tests/DMARCTests/Support/Fixture.swift`: the package root is four levels up.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("Fixtures")

    /// What reading a fixture gave, with the fixture's path taken out of every message.
    struct Reading {
        var reports: [AggregateReport]
        var origins: [ReportOrigin]
        var errors: [DMARCError]
        var warnings: [DMARCWarning]

        /// Reads any file through the path API.
        init(path: String, limits: ReadingLimits = .init()) {
            let collector = ReportCollector()
            ReportReader(limits: limits).read(path: path, into: collector)
            reports = collector.reports
            origins = collector.origins
            errors = collector.errors
            warnings = collector.warnings
        }

        /// Each error as a user sees it, the path relative to `Fixtures/` (`bad/empty.xml: empty file`).
        var errorLines: [String] { errors.map { Fixture.relative($0.description) } }
        var warningLines: [String] { warnings.map { Fixture.relative($0.description) } }
    }

    /// Reads a fixture through the path API, as the command-line tool does.
    static func read(_ name: String, limits: ReadingLimits = .init()) -> Reading {
        Reading(path: fixture(name), limits: limits)
    }

    /// The one report of a fixture that must read cleanly: no error, and no warning but the ones expected (each
    /// a line after `<fixture>: warning: `).
    static func report(_ name: String, warnings: [String] = []) throws -> AggregateReport {
        let reading = read(name)
        guard reading.errors.isEmpty, reading.warningLines == warnings.map({ "\(name): warning: \($0)" }),
              reading.reports.count == 1 else {
            throw Unexpected(reading: reading)
        }
        return reading.reports[0]
    }

    /// A fixture's bytes, for the in-memory API.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func relative(_ message: String) -> String {
        let prefix = folder.path + "/"
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }

    struct Unexpected: Error, CustomStringConvertible {
        var reading: Reading
        var description: String {
            "expected one clean report, got \(reading.reports.count) reports, errors \(reading.errorLines), "
                + "warnings \(reading.warningLines)"
        }
    }
}

/// The absolute path of a file under `Fixtures/`, e.g. `fixture("containers/report.xml.gz")`.
func fixture(_ name: String) -> String {
    Fixture.folder.appendingPathComponent(name).path
}

extension AggregateReport {
    /// Messages over all records.
    var messageCount: UInt64 { records.reduce(0) { $0 + $1.count } }

    /// Messages per source IP (canonical text).
    var messagesBySourceIP: [String: UInt64] {
        records.reduce(into: [:]) { totals, record in totals[record.sourceIP.text, default: 0] += record.count }
    }
}
