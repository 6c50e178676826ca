import DMARC
import Foundation
import Testing

/// The counting rule through the library's API, without the binary: `ReportCounter` fed by the reader, and the
/// drivers (`summarize`, `aggregate`, `countInOrder`) over Fixtures/counting in every order and thread count.
@Suite("Counting rule in the library")
struct ReportCounterTests {
    static let folder = Fixture.folder.appendingPathComponent("counting")
    static let files = ["alpha-truncated.xml", "alpha-broken.xml", "alpha-copy.xml.gz", "alpha.xml",
                        "beta-broken.xml.gz", "beta.xml"]

    /// Every order of the six files that matters here: each file first, with the others before or after it.
    static var orders: [[String]] {
        files.indices.flatMap { first in
            let rest = files.enumerated().filter { $0.offset != first }.map(\.element)
            return [[files[first]] + rest, [files[first]] + rest.reversed()]
        }
    }

    /// Messages per reporter: a view written as a `ReportAggregator`, the way a new view is added.
    struct MessagesPerReporter: ReportAggregator, Equatable {
        var messages: [String: UInt64] = [:]
        var reports = 0

        mutating func add(_ record: Record, in header: ReportHeader) {
            messages[header.metadata.reporter, default: 0] += record.count
        }

        mutating func addReport(_ header: ReportHeader, origin: ReportOrigin) {
            reports += 1
        }

        mutating func merge(_ other: MessagesPerReporter) {
            messages.merge(other.messages, uniquingKeysWith: +)
            reports += other.reports
        }
    }

    /// One report ID over consecutive days (Mimecast reuses one) is one report a day; the same day twice is a copy.
    @Test func aReportIDReusedForAnotherPeriodIsAnotherReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reused-id-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let days: [(name: String, begin: Int)] = [("day1", 1_735_689_600), ("day2", 1_735_776_000),
                                                  ("day2-copy", 1_735_776_000)]
        var paths: [String] = []
        for day in days {
            let document = InlineReport.document(begin: String(day.begin), end: String(day.begin + 86_399),
                                                        records: [InlineReport.record("192.0.2.1", count: 3)])
            let url = folder.appendingPathComponent(day.name + ".xml")
            try document.write(to: url)
            paths.append(url.path)
        }
        for jobs in [1, 2] {
            let totals = ReportReader().summarize(files: paths, jobs: jobs, filter: ReportFilter(), details: [.sources]) { _, _ in }
            #expect(totals.reportCount == 2 && totals.duplicateCount == 1)
            #expect(totals.sources.values.reduce(0) { $0 + $1.totals.messages } == 6)
        }
    }

    @Test(arguments: [1, 2, 4])
    func summaryCountsEachReportOnceWhateverTheOrder(jobs: Int) {
        for order in Self.orders {
            let paths = order.map { Self.folder.appendingPathComponent($0).path }
            var failed = 0
            let totals = ReportReader().summarize(files: paths, jobs: jobs, filter: ReportFilter(),
                                                  details: [.sources, .audit]) { _, file in
                if !file.errors.isEmpty { failed += 1 }
            }
            #expect(totals.reportCount == 2, "\(order)")
            #expect(totals.duplicateCount == 1, "\(order)")
            #expect(failed == 3, "\(order)")
            // Keyed by the organisational domain of the reporter's address (ReporterIdentity).
            #expect(totals.reporters["example.net"]?.totals.messages == 130, "\(order)")
            #expect(totals.reporters["example.net"]?.records == 4, "\(order)")
            #expect(totals.reporters["example.org"]?.totals.messages == 55, "\(order)")
            #expect(totals.sources.values.reduce(0) { $0 + $1.totals.messages } == 185, "\(order)")
            #expect(SenderAudit(totals.audit).totals.messages == 185, "\(order)")
        }
    }

    @Test(arguments: [1, 2, 4])
    func anAggregatorSeesOnlyWhatCounts(jobs: Int) {
        var filter = ReportFilter()
        filter.onlyFailing = true
        for order in Self.orders {
            let paths = order.map { Self.folder.appendingPathComponent($0).path }
            let all = ReportReader().aggregate(files: paths, jobs: jobs, filter: ReportFilter(),
                                               as: MessagesPerReporter.self) { _, _ in }
            #expect(all.totals == MessagesPerReporter(
                messages: ["mail.example.net": 130, "receiver.example.org": 55], reports: 2), "\(order)")
            #expect(all.reportCount == 2 && all.duplicateCount == 1, "\(order)")
            // beta has no failing record: the filter empties it, so it does not count (and is no duplicate).
            let failing = ReportReader().aggregate(files: paths, jobs: jobs, filter: filter,
                                                   as: MessagesPerReporter.self) { _, _ in }
            #expect(failing.totals == MessagesPerReporter(messages: ["mail.example.net": 10], reports: 1), "\(order)")
            #expect(failing.reportCount == 1 && failing.duplicateCount == 1, "\(order)")
        }
    }

    /// A report that fails after records were given, then a good copy of it, then the copy again, through one
    /// counter: the view sees the first discarded, the second committed, the third discarded as a duplicate.
    @Test func aFailedReportMasksNothingAndGivesNothing() {
        let good = Data(InlineReport.oneRecord(count: "<count>3</count>").utf8)
        let broken = Data(InlineReport.oneRecord(count: "<count>3</count>")
            .replacingOccurrences(of: "</feedback>", with: "<record><row><count>x</count></row></record></feedback>")
            .utf8)
        let view = Transcript()
        let counter = ReportCounter(view: view)
        let reader = ReportReader()
        reader.read(broken, name: "broken.xml", into: counter)
        reader.read(good, name: "good.xml", into: counter)
        reader.read(good, name: "copy.xml", into: counter)
        #expect(view.events == ["begin inline-1", "record 3", "discard",
                                "begin inline-1", "record 3", "commit inline-1",
                                "begin inline-1", "record 3", "discard"])
        #expect(counter.reportCount == 1)
        #expect(counter.duplicateCount == 1)
        let file = counter.takeFileSummary(path: "all")
        #expect(file.errors.count == 1)
        #expect(file.reportsCounted == 1)
        #expect(file.reportsRead == 2)  // the broken copy never ended
        #expect(file.duplicateOrigins.map(\.description) == ["copy.xml"])
        let again = counter.takeFileSummary(path: "again")
        #expect(again.reportsCounted == 0 && again.reportsRead == 0 && again.duplicateOrigins.isEmpty)
    }

    /// A report the filter refuses whole is never begun; a record it refuses is never given.
    @Test func theFilterAdmitsWholeReportsAndRecords() {
        let report = Data(InlineReport.oneRecord(count: "<count>3</count>").utf8)
        var byReporter = ReportFilter()
        byReporter.reporters = ["someone.else"]
        let refused = Transcript()
        ReportReader().read(report, name: "r.xml", into: ReportCounter(filter: byReporter, view: refused))
        #expect(refused.events.isEmpty)
        var failing = ReportFilter()
        failing.onlyFailing = true
        let emptied = Transcript()
        let counter = ReportCounter(filter: failing, view: emptied)
        ReportReader().read(report, name: "r.xml", into: counter)
        #expect(emptied.events == ["begin inline-1", "discard"])
        #expect(counter.reportCount == 0 && counter.duplicateCount == 0)
    }

    /// The same rule read in order on the calling thread (the printing views).
    @Test func inOrderCountsTheSame() {
        for order in Self.orders {
            let view = Transcript()
            let run = ReportReader().countInOrder(files: order.map { Self.folder.appendingPathComponent($0).path },
                                                  filter: ReportFilter(), view: view) { _, _ in }
            #expect(run.reportCount == 2 && run.duplicateCount == 1, "\(order)")
            #expect(view.events.filter { $0.hasPrefix("commit") }.sorted() == ["commit a-1", "commit b-1"], "\(order)")
        }
    }
}

/// A view that writes down what it is given.
final class Transcript: CountedReportHandler {
    private(set) var events: [String] = []

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        events.append("begin \(header.metadata.reportID)")
    }

    func record(_ record: Record) {
        events.append("record \(record.count)")
    }

    func commitReport(_ header: ReportHeader) {
        events.append("commit \(header.metadata.reportID)")
    }

    func discardReport() {
        events.append("discard")
    }
}
