import Foundation
import Testing

/// When nothing was found, and usage errors said in plain words.
@Suite("Nothing found, and plain usage errors")
struct NothingFoundTests {
    static let sample = "Fixtures/sample"

    @Test("an empty folder: one line says no report was found, exit 0, the bare header on stdout")
    func emptyFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for view in [[], ["-s"], ["--audit"], ["--records"], ["--reports", "--format", "ndjson"]] {
            let run = try await CLIRun(view + (view.contains("--reports") ? [] : ["--format", "tsv"]) + [folder.path])
            #expect(run.status == 0, "\(view)")
            #expect(run.stderr == "dmarc-parse: no DMARC report in \(folder.path)\n", "\(view)")
        }
    }

    @Test("filters that leave nothing: one line naming them, in every view; exit 0")
    func filtersLeaveNothing() async throws {
        for view in [[], ["-s"], ["--audit"], ["--records"], ["--reports", "--format", "json"], ["--timeline"],
                     ["--html", "/dev/null"]] {
            let run = try await CLIRun(view + ["--failing", "--domain", "nowhere.example", Self.sample])
            #expect(run.status == 0)
            #expect(run.stderr == "dmarc-parse: the filters left no record: --failing --domain nowhere.example (5 reports read)\n",
                    "\(view)")
        }
        let ranges = try await CLIRun(["-s", "--include-ips=10.0.0.0/8", Self.sample])
        #expect(ranges.stderr == "dmarc-parse: the filters left no record: --include-ips=10.0.0.0/8 (5 reports read)\n")
    }

    @Test("no such line when something counted, or when files failed (their lines say why)")
    func quietOtherwise() async throws {
        #expect(try await CLIRun([Self.sample]).stderr == "")
        let bad = try await CLIRun(["Fixtures/bad/not-xml.txt"])
        #expect(bad.status == 1)
        #expect(!bad.stderr.contains("no DMARC report in"))
    }

    @Test("the duplicate line names the first three copies skipped; -v names all")
    func duplicatesNamed() async throws {
        let run = try await CLIRun(["--format", "tsv", Self.sample, Self.sample])
        let line = try #require(run.stderr.split(separator: "\n").first)
        #expect(line.hasPrefix("dmarc-parse: skipped 5 duplicate reports (same reporter, report ID, domain and period): Fixtures/sample/"))
        #expect(line.hasSuffix(" and 2 more (-v names all)"))
        let verbose = try await CLIRun(["-v", "--format", "tsv", Self.sample, Self.sample])
        let all = try #require(verbose.stderr.split(separator: "\n").first)
        let listed = try #require(all.split(separator: "period): ").dropFirst().first, "stderr: \(verbose.stderr)")
        #expect(listed.split(separator: ", ").count == 5)
        #expect(all.contains("google.com!example.com!1735689600!1735775999.zip: google.com!example.com!1735689600!1735775999.xml"))
        let records = try await CLIRun(["--records", "--format", "tsv", Self.sample, Self.sample])
        #expect(records.stderr.hasPrefix("dmarc-parse: skipped 5 duplicate reports (same reporter, report ID, domain and period): Fixtures/sample/"))
    }

    @Test("read in order, every view names the same copies: the ones the counting rule skipped")
    func everyViewNamesTheSameCopies() async throws {
        var lines: Set<Substring> = []
        for view in [[], ["-s"], ["--audit"], ["--records"], ["--reports", "--format", "ndjson"], ["--timeline"],
                     ["--html", "/dev/null"]] {
            let run = try await CLIRun(["-v", "--jobs", "1"] + view + [Self.sample, Self.sample])
            lines.insert(try #require(run.stderr.split(separator: "\n").first))
        }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("skipped 5 duplicate reports") == true)
    }

    @Test("two views name both flags in plain words", arguments: [
        (["-s", "--audit"], "-s and --audit"), (["--records", "--statistics"], "--records and --statistics"),
        (["--audit", "--reports"], "--audit and --reports"),
    ])
    func twoViews(flags: [String], named: String) async throws {
        let run = try await CLIRun(flags + [Self.sample])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: \(named) are two views: give one of them.\n"))
    }

    @Test("--fail-on-gaps without --audit is a usage error")
    func failOnGapsNeedsAudit() async throws {
        for view in [[], ["-s"], ["--records"]] {
            let run = try await CLIRun(view + ["--fail-on-gaps", Self.sample])
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("Error: --fail-on-gaps needs --audit"))
        }
    }

    @Test("an unknown option suggests the one meant", arguments: [
        ("--stats", "Did you mean '--statistics'?"), ("--formt", "Did you mean '--format'?"),
        ("--rep", "Did you mean one of '--reporter', '--reporters' or '--reports'?"),
    ])
    func unknownOption(typed: String, suggestion: String) async throws {
        let run = try await CLIRun([typed, Self.sample])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: Unknown option '\(typed)'. \(suggestion)\n"))
    }

    @Test("format and color names in any case")
    func caseInsensitiveFormat() async throws {
        let upper = try await CLIRun(["--format", "JSON", Self.sample])
        let lower = try await CLIRun(["--format", "json", Self.sample])
        #expect(upper.status == 0 && upper.stdout == lower.stdout)
        #expect(try await CLIRun(["--format", "Tsv", "--color", "NEVER", Self.sample]).status == 0)
    }

    @Test("`dmarc-parse help` prints the help when no file is named help")
    func helpWord() async throws {
        let run = try await CLIRun(["help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("OVERVIEW: "))
        #expect(run.stderr == "")
    }
}

extension CLIRun {
    /// stderr with the names after the duplicate line cut off: when two copies of a report are read at once,
    /// either may count, so which one the line names may vary (the totals do not).
    var stderrWithoutDuplicateNames: String {
        stderr.replacing(/(skipped [0-9]+ duplicate reports? \(same reporter, report ID, domain and period\)): [^\n]*/) { $0.1 }
    }
}
