import Foundation
import Testing

/// The generator in `../shared/tools` writes report folders of every style with the exact totals a correct parser
/// must find. Skipped where `../shared` is absent (a user's clone).
private let corpusGenerator: URL? = {
    let url = CLIRun.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/gen-corpus.py")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()

@Suite("Generated corpus totals", .enabled(if: corpusGenerator != nil))
struct GeneratedCorpusTests {
    @Test func sourcesFailingSourcesAndReportersMatchTheTruth() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dmarc-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let truthFile = folder.path + ".truth.json"
        defer { try? FileManager.default.removeItem(atPath: truthFile) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", corpusGenerator!.path, "--out", folder.path, "--reports", "150", "--seed", "7"]
        python.standardError = FileHandle.nullDevice
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truthFile))) as! [String: Any]

        func rows(_ arguments: [String]) async throws -> [[String: Any]] {
            let run = try await CLIRun(arguments + ["--format", "json", folder.path])
            #expect(run.status == 0)
            return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]
        }
        func messagesBySource(_ rows: [[String: Any]]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: rows.map { ($0["source_ip"] as! String, $0["messages"] as! Int) })
        }
        #expect(messagesBySource(try await rows(["-s"])) == truth["per_ip"] as! [String: Int])
        #expect(messagesBySource(try await rows(["-s", "--failing"]))
            == truth["per_ip_failing_spf_and_dkim"] as! [String: Int])
        let reporters = try await rows([])
        let expected = truth["per_reporter"] as! [String: [String: Int]]
        #expect(reporters.count == expected.count)
        for row in reporters {
            let name = row["reporter"] as! String
            #expect(row["reports"] as? Int == expected[name]?["reports"])
            #expect(row["records"] as? Int == expected[name]?["records"])
            #expect(row["messages"] as? Int == expected[name]?["messages"])
        }
    }
}
