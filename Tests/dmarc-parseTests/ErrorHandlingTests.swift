import Foundation
import Testing

@Suite("Errors, exit status and inputs")
struct ErrorHandlingTests {
    let good = CLIRun.fixture("good")
    let bad = CLIRun.fixture("bad")

    @Test func badFilesAreNamedAndTheOthersStillCount() async throws {
        let clean = try await CLIRun(["-s", "--format", "tsv", good])
        let mixed = try await CLIRun(["-s", "--format", "tsv", good, bad])
        #expect(mixed.status == 1)
        #expect(mixed.stdout == clean.stdout)
        #expect(mixed.stderr == """
            dmarc-parse: Fixtures/cli/bad/not-a-report.txt: not a DMARC report: neither zip, gzip, e-mail nor XML (starts with "Hello, this ")
            dmarc-parse: Fixtures/cli/bad/truncated.xml: report ends at line 20 before </feedback> (file truncated?)
            dmarc-parse: skipped 1 duplicate report (same reporter, report ID and domain)
            dmarc-parse: 5 files read, 2 reports, 1 duplicate, 2 files failed

            """)
    }

    @Test func missingPathFailsButTheRestIsPrinted() async throws {
        let run = try await CLIRun(["--format", "tsv", good, "Fixtures/cli/no-such-folder"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Yahoo\t1"))
        #expect(run.stderr.hasPrefix("dmarc-parse: Fixtures/cli/no-such-folder: No such file or directory\n"))
    }

    @Test func usageErrorsExitTwo() async throws {
        #expect(try await CLIRun([]).status == 2)
        #expect(try await CLIRun(["--format", "xml", good]).status == 2)
        #expect(try await CLIRun(["--jobs", "0", good]).status == 2)
        #expect(try await CLIRun(["--since", "yesterday", good]).status == 2)
    }

    @Test func standardInput() async throws {
        let report = try Data(contentsOf: CLIRun.packageRoot.appendingPathComponent(
            "Fixtures/cli/good/copy-of-google-report.xml.gz"))
        let run = try await CLIRun(["--format", "tsv", "-"], input: report)
        #expect(run.status == 0)
        #expect(run.stdout.contains("google.com\t1\texample.com"))
        #expect(run.stderr.isEmpty)
    }

    @Test func filesFromStandardInputNULSeparated() async throws {
        let list = ["Fixtures/cli/good/yahoo.com!example.org!1735776000!1735862399.xml",
                    "Fixtures/cli/good/.hidden-report.xml"].joined(separator: "\0") + "\0"
        let run = try await CLIRun(["--format", "tsv", "--files-from", "-"], input: Data(list.utf8))
        #expect(run.status == 0)
        // Named explicitly, a hidden file is read.
        #expect(run.stdout.contains("hidden.example\t1"))
        #expect(run.stdout.contains("Yahoo\t1"))
    }

    @Test func versionAndHelp() async throws {
        let version = try await CLIRun(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("dmarc-parse "))
        let help = try await CLIRun(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--include-ips"))
        #expect(help.stdout.contains("Examples:"))
    }

    @Test func noProgressLineWhenStderrIsNoTerminal() async throws {
        let run = try await CLIRun([good])
        #expect(!run.stderr.contains("\r"))
    }
}
