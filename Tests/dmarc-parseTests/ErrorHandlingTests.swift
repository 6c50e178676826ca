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
        #expect(mixed.stderrWithoutDuplicateNames == """
            dmarc-parse: Fixtures/cli/bad/not-a-report.txt: not a DMARC report: neither zip, gzip, e-mail nor XML (starts with "Hello, this ")
            dmarc-parse: Fixtures/cli/bad/truncated.xml: report ends at line 20 before </feedback> (file truncated?)
            dmarc-parse: skipped 1 duplicate report (same reporter, report ID, domain and period)
            dmarc-parse: 5 files read, 2 reports, 1 duplicate, 2 files failed

            """)
    }

    /// Bombs, traps and corrupt archives beside good reports: exactly the good files' totals, exit 1, one line each.
    @Test func hostileFilesAreNamedAndTheOthersStillCount() async throws {
        let hostile = [
            "hostile/gzip-bomb-2-gib.xml.gz.gz", "hostile/billion-laughs.xml", "hostile/deep-elements.xml",
            "hostile/long-text.xml", "hostile/nested-6-deep.xml.gz", "hostile/corrupt-offset-past-end.zip",
            "fuzz/deflate-never-ends.zip", "fuzz/zip64-size-past-int64.zip", "fuzz/unconvertible-shift-jis.xml",
        ].map { "Fixtures/" + $0 }
        let clean = try await CLIRun(["-s", "--format", "tsv", good])
        let mixed = try await CLIRun(["-s", "--format", "tsv", "--jobs", "2", good] + hostile)
        #expect(mixed.status == 1)
        #expect(mixed.stdout == clean.stdout)
        #expect(mixed.stderrWithoutDuplicateNames == """
            dmarc-parse: Fixtures/hostile/gzip-bomb-2-gib.xml.gz.gz: decompresses to more than 200 times its compressed size (a compression bomb?) (--max-compression-ratio raises the limit)
            dmarc-parse: Fixtures/hostile/billion-laughs.xml: refused: the document declares entity "lol" at line 3 (entities are never expanded)
            dmarc-parse: Fixtures/hostile/deep-elements.xml: elements nest deeper than 32 levels
            dmarc-parse: Fixtures/hostile/long-text.xml: an element holds more than 64 KiB of text
            dmarc-parse: Fixtures/hostile/nested-6-deep.xml.gz: containers nest more than 4 deep (archive inside archive ...)
            dmarc-parse: Fixtures/hostile/corrupt-offset-past-end.zip: corrupt zip archive: the central directory lies outside the archive
            dmarc-parse: Fixtures/fuzz/deflate-never-ends.zip: report.xml: corrupt zip archive: the member's deflated data ends early (archive damaged?)
            dmarc-parse: Fixtures/fuzz/zip64-size-past-int64.zip: report.xml: corrupt zip archive: the member's data runs past the end of the archive
            dmarc-parse: Fixtures/fuzz/unconvertible-shift-jis.xml: malformed XML at line 2: input conversion failed due to input error, bytes 0xFF 0xFF 0x3C 0x2F
            dmarc-parse: skipped 1 duplicate report (same reporter, report ID, domain and period)
            dmarc-parse: 12 files read, 2 reports, 1 duplicate, 9 files failed

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

    /// Absurd counts, the largest read, add up to totals past 2^64: every view shows them at the ceiling, none
    /// wraps round or stops.
    @Test func totalsPastTheCeilingSaturateInEveryView() async throws {
        let records = (0..<2100).map { n in
            "<record><row><source_ip>192.0.2.\(n % 200)</source_ip><count>9007199254740991</count><policy_evaluated>"
                + "<disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated></row><identifiers>"
                + "<header_from>example.com</header_from></identifiers><auth_results><dkim><domain>example.com</domain>"
                + "<selector>s1</selector><result>pass</result></dkim></auth_results></record>"
        }.joined()
        let document = Data(("<feedback><report_metadata><org_name>example.org</org_name><report_id>1</report_id>"
            + "<date_range><begin>1735689600</begin><end>1735775999</end></date_range></report_metadata>"
            + "<policy_published><domain>example.com</domain><p>none</p></policy_published>\(records)</feedback>").utf8)
        for view in [["--format", "json"], ["-s"], ["--audit"], ["--timeline"], ["--domains"], ["--dkim"],
                     ["--reports", "--format", "json"], ["--records", "--format", "ndjson"], ["--html", "-"]] {
            let run = try await CLIRun(view + ["-"], input: document)
            #expect(run.status == 0, "\(view): \(run.stderr)")
            #expect(!run.stdout.isEmpty, "\(view)")
        }
        let reporters = try await CLIRun(["--format", "tsv", "-"], input: document)
        #expect(reporters.stdout.contains("\t18446744073709551615\t18446744073709551615\t0\t"))
    }

    @Test func noProgressLineWhenStderrIsNoTerminal() async throws {
        let run = try await CLIRun([good])
        #expect(!run.stderr.contains("\r"))
    }
}
