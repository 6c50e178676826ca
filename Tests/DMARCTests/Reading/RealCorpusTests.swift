import DMARC
import Foundation
import Testing

/// Real reports in `../shared/corpus/real` (beside the repository, not part of it), compared with what
/// parsedmarc 11.1.0 read from them (`PARSEDMARC.jsonl`). Skipped when the folder is absent.
@Suite("Real reports agree with parsedmarc", .enabled(if: RealCorpus.isPresent))
struct RealCorpusTests {
    /// A parameterised test with no argument passes without running: this one fails when the corpus is there but
    /// no entry could be read (a renamed field, an unreadable line), and when any group below is empty.
    @Test func theCorpusHasCasesOfEveryKind() {
        #expect(RealCorpus.entries.count >= 10)
        #expect(RealCorpus.entries.contains { $0.ok && !$0.isSkipped && RealCorpus.divergences[$0.file] == nil })
        #expect(RealCorpus.entries.contains { !$0.ok && !$0.isSkipped })
        #expect(!RealCorpus.divergences.isEmpty)
    }

    /// Files parsedmarc read, where no known divergence says its answer is wrong or another one is as fair.
    @Test(arguments: RealCorpus.entries.filter { $0.ok && !$0.isSkipped && RealCorpus.divergences[$0.file] == nil })
    func agreesWithParsedmarc(_ entry: RealCorpus.Entry) {
        let reading = Fixture.Reading(path: RealCorpus.path(entry.file))
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        #expect(reading.reports.count == 1)
        guard let report = reading.reports.first else { return }
        #expect(RealCorpus.sameReporter(ours: report.metadata.reporter, parsedmarc: entry.orgName),
                "reporter \(report.metadata.reporter) vs parsedmarc \(entry.orgName ?? "nil")")
        #expect(report.records.count == entry.xmlRecords)
        #expect(report.messageCount == entry.totalMessages)
        #expect(report.messagesBySourceIP == entry.perSourceIP)
    }

    /// Files parsedmarc refused, with no known divergence: we refuse them too.
    @Test(arguments: RealCorpus.entries.filter { !$0.ok && !$0.isSkipped && RealCorpus.divergences[$0.file] == nil })
    func refusesWhatParsedmarcRefuses(_ entry: RealCorpus.Entry) {
        let reading = Fixture.Reading(path: RealCorpus.path(entry.file))
        #expect(reading.reports.isEmpty)
        #expect(reading.errors.count == 1)
    }

    /// Where parsedmarc is wrong, we give the right answer; where either answer is fair, we give one of them.
    @Test(arguments: RealCorpus.entries.filter { !$0.isSkipped && RealCorpus.divergences[$0.file] != nil })
    func knownDivergence(_ entry: RealCorpus.Entry) throws {
        let verdict = try #require(RealCorpus.divergences[entry.file])
        let reading = Fixture.Reading(path: RealCorpus.path(entry.file))
        if verdict.hasPrefix("parsedmarc-defect") {
            #expect(reading.errors.isEmpty, "\(reading.errors)")
            #expect(reading.reports.count == 1)
        } else {
            #expect(verdict.hasPrefix("either"))
            #expect(reading.reports.count + reading.errors.count == 1)
        }
        // Where both read the file, the totals still agree.
        if entry.ok, let report = reading.reports.first {
            #expect(report.records.count == entry.xmlRecords)
            #expect(report.messageCount == entry.totalMessages)
            #expect(report.messagesBySourceIP == entry.perSourceIP)
        }
    }

    /// Issue 13's Done-when on real reports: every report in the folder reads into values the file holds (no 1970
    /// date, no empty reporter, report ID, policy domain, source address or header_from), and no file is refused
    /// for a missing part: every real reporter sends what the RFCs require, in one of the spellings we read.
    @Test func noRealReportReadsIntoAnInventedValue() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: RealCorpus.folder.path)
            .filter { !$0.hasSuffix(".tsv") && !$0.hasSuffix(".jsonl") }
        #expect(files.count >= 50)
        var reports = 0
        for file in files {
            let reading = Fixture.Reading(path: RealCorpus.path(file))
            for error in reading.errors {
                guard case .invalidReport = error.reason else { continue }
                Issue.record("a real report refused: \(error)")
            }
            for report in reading.reports {
                reports += 1
                #expect(RequiredPartsTests.inventedValues(in: report).isEmpty, "\(file)")
            }
        }
        #expect(reports >= 50)
    }

    /// `test_empty.xml` holds one record with `<source_ip/>` and count 0, nothing else. parsedmarc 11.1.0 refuses
    /// the file ("Source IP address is empty"); KNOWN_DIVERGENCES.tsv says either answer is fair. Ours, a report
    /// of 0 messages and a warning, is the better one: the record stands for no message from no source, so
    /// skipping it invents nothing, while the report itself is real (the reporter did report on test.net for
    /// that day), and a user sees it counted rather than a failed file to chase. Both schemas want a record;
    /// a report without one is read the same way (README, "What a report must hold").
    @Test(.enabled(if: RealCorpus.divergences["test_empty.xml"] != nil))
    func placeholderOnlyReportIsAReportOfNoMessages() {
        let reading = Fixture.Reading(path: RealCorpus.path("test_empty.xml"))
        #expect(reading.errors.isEmpty)
        #expect(reading.reports.map(\.records.count) == [0])
        #expect(reading.reports.first?.metadata.reportID == "1.id.0")
        #expect(reading.warnings.map(\.message) == [
            "skipped 1 record with an empty <source_ip> and count 0 (a placeholder: no message from no source)",
        ])
    }
}

/// The real-report folder and parsedmarc's answers about it.
enum RealCorpus {
    static let folder = Fixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/real")
    static let isPresent = FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("PARSEDMARC.jsonl").path)

    static func path(_ file: String) -> String { folder.appendingPathComponent(file).path }

    /// One line of `PARSEDMARC.jsonl`.
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var ok: Bool
        var orgName: String?
        var xmlRecords: Int?
        var totalMessages: UInt64?
        var perSourceIP: [String: UInt64]?

        enum CodingKeys: String, CodingKey {
            case file, ok
            case orgName = "org_name", xmlRecords = "xml_records", totalMessages = "total_messages"
            case perSourceIP = "per_source_ip"
        }

        // The .eml files are compared by MailRealCorpusTests.
        var isSkipped: Bool { file.lowercased().hasSuffix(".eml") }

        var testDescription: String { file }
    }

    static let entries: [Entry] = {
        guard isPresent, let text = try? String(contentsOf: folder.appendingPathComponent("PARSEDMARC.jsonl"),
                                                encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap {
            try? JSONDecoder().decode(Entry.self, from: Data($0.utf8))
        }
    }()

    /// `KNOWN_DIVERGENCES.tsv`: file → verdict (`parsedmarc-defect: …` or `either …`).
    static let divergences: [String: String] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("KNOWN_DIVERGENCES.tsv"),
                                     encoding: .utf8) else { return [:] }
        var verdicts: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            if columns.count >= 4 { verdicts[String(columns[0])] = String(columns[3]) }
        }
        return verdicts
    }()

    /// parsedmarc turns an org_name that looks like a domain into its lower-case base domain
    /// (`Mail.Ru` → `mail.ru`, `mx.example.net` → `example.net`); that is no divergence.
    static func sameReporter(ours: String, parsedmarc: String?) -> Bool {
        guard let parsedmarc else { return false }
        if ours == parsedmarc { return true }
        let lowered = ours.lowercased()
        return !ours.contains(" ") && (lowered == parsedmarc || lowered.hasSuffix("." + parsedmarc))
    }
}
