import DMARC
import Foundation
import Testing

/// The real messages in `../shared/corpus/real` (Google, Mimecast's single-part gzip, a relayed Google report), read
/// as files and compared with what parsedmarc read from them. Skipped when the folder is absent.
@Suite("Real e-mail messages", .enabled(if: FileManager.default.fileExists(atPath: MailFixtures.realCorpus.path)))
struct MailRealCorpusTests {
    struct Expected: Decodable {
        var file: String
        var orgName: String
        var recordCount: Int
        var totalMessages: UInt64

        enum CodingKeys: String, CodingKey {
            case file, orgName = "org_name", recordCount = "record_count", totalMessages = "total_messages"
        }
    }

    static func expectations() throws -> [Expected] {
        let text = try String(contentsOf: MailFixtures.realCorpus.appendingPathComponent("PARSEDMARC.jsonl"),
                              encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline)
            .filter { $0.contains(".eml\"") }
            .map { try JSONDecoder().decode(Expected.self, from: Data($0.utf8)) }
            .filter { $0.file.hasSuffix(".eml") }
    }

    @Test func everyMessageReadsAsParsedmarcSays() throws {
        let expected = try Self.expectations()
        let messages = try FileManager.default.contentsOfDirectory(atPath: MailFixtures.realCorpus.path)
            .filter { $0.hasSuffix(".eml") }
        #expect(messages.count == 3)
        #expect(Set(expected.map(\.file)) == Set(messages))
        for entry in expected {
            let collector = ReportCollector()
            ReportReader().read(path: MailFixtures.realCorpus.appendingPathComponent(entry.file).path, into: collector)
            #expect(collector.errors.isEmpty, "\(entry.file): \(collector.errors)")
            #expect(collector.reports.count == 1, "\(entry.file)")
            guard let report = collector.reports.first else { continue }
            #expect(report.metadata.orgName == entry.orgName, "\(entry.file)")
            #expect(report.records.count == entry.recordCount, "\(entry.file)")
            #expect(MailFixtures.messages(report) == entry.totalMessages, "\(entry.file)")
        }
    }
}
