import Foundation
import Testing

/// none + quarantine + reject + pass (RFC 9990) = messages, on every row of every view that shows dispositions;
/// where a reporter left a disposition out or wrote an unknown one, the difference is what stderr warned about.
@Suite("Disposition columns add up")
struct DispositionColumnsTests {
    static func rows(_ arguments: [String]) async throws -> (rows: [[String: Any]], run: CLIRun) {
        let run = try await CLIRun(arguments + ["--format", "json"])
        return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? [], run)
    }

    /// Messages a row's four disposition columns leave out.
    static func unaccounted(_ row: [String: Any]) -> Int {
        let number = { (key: String) in row[key] as? Int ?? -1_000_000 }
        return number("messages") - number("none") - number("quarantine") - number("reject") - number("pass")
    }

    @Test(arguments: [[], ["-s"], ["--timeline"], ["--timeline", "--by", "month"]])
    func everyRowAddsUp(_ view: [String]) async throws {
        let (rows, _) = try await Self.rows(view + ["Fixtures/sample", "Fixtures/timeline", "Fixtures/cli/good"])
        #expect(rows.count >= 2)
        #expect(rows.contains { ($0["pass"] as? Int ?? 0) > 0 })  // Fixtures/sample holds an RFC 9990 report
        for row in rows {
            #expect(Self.unaccounted(row) == 0, "\(row)")
        }
    }

    /// `no-disposition.xml`: one record without a disposition (5 messages), one with `deliver` (2), one with
    /// RFC 9990's `pass` (1): 7 messages in no column, as the warning says.
    @Test(arguments: [[], ["-s"], ["--timeline"]])
    func whatDoesNotAddUpIsWarned(_ view: [String]) async throws {
        let (rows, run) = try await Self.rows(view + ["Fixtures/required/no-disposition.xml"])
        #expect(rows.reduce(0) { $0 + Self.unaccounted($1) } == 7)
        #expect(rows.reduce(0) { $0 + ($1["pass"] as? Int ?? 0) } == 1)
        #expect(run.stderr.contains("warning: 2 records (7 messages) without a disposition the RFCs define"))
    }
}
