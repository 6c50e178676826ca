import Foundation
import Testing

/// Reports that lack what the RFCs require are refused, one stderr line each naming the file and the first missing
/// part; the other files still count, and the run exits 1 (`Fixtures/required`, from
/// `Fixtures/make-required-fixtures.py`).
@Suite("Required parts: refused reports on the command line")
struct RequiredPartsCommandTests {
    static let stderr = """
        dmarc-parse: Fixtures/required/begin-integer.xml: <begin> "integer" is not a whole number of seconds (line 8)
        dmarc-parse: Fixtures/required/begin-negative.xml: <begin> "-86400" is not a whole number of seconds (line 8)
        dmarc-parse: Fixtures/required/empty-report-id.xml: no <report_id> in <report_metadata>
        dmarc-parse: Fixtures/required/end-exponent.xml: <end> "1.7e9" is not a whole number of seconds (line 9)
        dmarc-parse: Fixtures/required/no-begin.xml: no <begin> in <date_range>
        dmarc-parse: Fixtures/required/no-date-range.xml: no <date_range> in <report_metadata>
        dmarc-parse: Fixtures/required/no-disposition.xml: warning: 2 records (7 messages) without a disposition the RFCs define, first "deliver": counted in messages, in no disposition column
        dmarc-parse: Fixtures/required/no-end.xml: no <end> in <date_range>
        dmarc-parse: Fixtures/required/no-policy-domain.xml: no <domain> in <policy_published>
        dmarc-parse: Fixtures/required/no-policy-published.xml: no <policy_published> in <feedback>
        dmarc-parse: Fixtures/required/no-report-id.xml: no <report_id> in <report_metadata>
        dmarc-parse: Fixtures/required/no-report-metadata.xml: no <report_metadata> in <feedback>
        dmarc-parse: Fixtures/required/no-reporter.xml: no <org_name> or <email> in <report_metadata>
        dmarc-parse: Fixtures/required/only-placeholder.xml: warning: skipped 1 record with an empty <source_ip> and count 0 (a placeholder: no message from no source)
        dmarc-parse: Fixtures/required/placeholder.xml: warning: skipped 1 record with an empty <source_ip> and count 0 (a placeholder: no message from no source)
        dmarc-parse: Fixtures/required/record-empty-source-ip.xml: no <source_ip> in <row> of the record ending at line 24
        dmarc-parse: Fixtures/required/record-no-header-from.xml: no <header_from> in <identifiers> of the record ending at line 24
        dmarc-parse: Fixtures/required/record-no-identifiers.xml: no <identifiers> in the record ending at line 24
        dmarc-parse: Fixtures/required/record-no-row.xml: no <row> in the record ending at line 19
        dmarc-parse: Fixtures/required/record-no-source-ip.xml: no <source_ip> in <row> of the record ending at line 24
        dmarc-parse: Fixtures/required/second-record-no-header-from.xml: no <header_from> in <identifiers> of the record ending at line 33
        dmarc-parse: 26 files read, 8 reports, 0 duplicates, 18 files failed

        """

    /// Every refusal, exactly, in file order, on every view; the eight reports that read still count, and a
    /// refused report counts nowhere (not even the good first record of `second-record-no-header-from.xml`).
    @Test(arguments: [["--format", "tsv"], ["-s", "--format", "tsv"], ["--records", "--format", "tsv"],
                      ["--timeline", "--format", "tsv"], ["--jobs", "1", "--format", "tsv"]])
    func refusalsAreNamedAndTheRestCounts(_ view: [String]) async throws {
        let run = try await CLIRun(view + ["Fixtures/required"])
        #expect(run.status == 1)
        #expect(run.stderr == Self.stderr)
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let column = try #require(rows.first?.firstIndex(of: view.contains("--records") ? "count" : "messages"))
        let messages: Int = rows.dropFirst().reduce(0) { sum, row in sum + (Int(row[column]) ?? 0) }
        #expect(messages == 33)
    }

    /// No exported record of a fixture that reads has a 1970 date or an empty reporter, report ID, policy
    /// domain or source address.
    @Test func noExportedRecordHasAnInventedValue() async throws {
        let run = try await CLIRun(["--records", "--format", "ndjson", "Fixtures"])
        let records = run.stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.count > 100)
        for record in records {
            #expect(Self.inventedValues(in: record).isEmpty, "\(record)")
        }
    }

    /// What an exported record holds that no report can: a 1970 date, an empty name.
    static func inventedValues(in record: [String: Any]) -> [String] {
        var found: [String] = []
        for key in ["reporter", "report_id", "policy_domain", "source_ip", "header_from"]
        where (record[key] as? String ?? "").isEmpty {
            found.append("empty \(key)")
        }
        for key in ["begin", "end"] where (record[key] as? String ?? "1970").hasPrefix("1970") {
            found.append("\(key) in 1970")
        }
        return found
    }
}
