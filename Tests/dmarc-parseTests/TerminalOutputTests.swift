import Foundation
import Testing

/// The tool on a terminal (a pseudo-terminal, through Python's `pty`): the progress line, widths, colors.
@Suite("On a terminal")
struct TerminalOutputTests {
    static let sample = "Fixtures/sample"
    /// A report first read from stdin, which stays silent for 1.5 s: the run takes long enough for progress.
    static let slowFirst = "Fixtures/sample/comcast.net!example.com!1735689600!1735775999.xml"
    static let esc = "\u{1B}"

    @Test("the progress line is erased before the result starts on a shared terminal")
    func progressErasedBeforeOutput() throws {
        for view in [[], ["-s"], ["--audit"], ["--records"], ["--records", "--format", "tsv"]] {
            let run = try PTYRun(view + ["-", Self.sample], columns: 200, stdinAfter: 1.5, stdinFile: Self.slowFirst)
            #expect(run.status == 0)
            #expect(run.terminal.contains("dmarc-parse: 6 of 6 files read"), "\(view)")
            // Every progress line is taken back ("\r\e[K") before anything else is written.
            for match in run.terminal.matches(of: /of [0-9]+ files read/) {
                #expect(run.terminal[match.range.upperBound...].hasPrefix("\r\(Self.esc)[K"), "\(view): \(run.terminal)")
            }
            let firstColumn = view.contains("--audit") ? "sender" : view.contains("-s") ? "source_ip" : "reporter"
            #expect(PTYRun.plain(run.terminal).contains("\r\(Self.esc)[K\(firstColumn)"), "\(view)")
        }
    }

    @Test("stdout in a pipe: progress on the terminal, a plain whole table in the pipe")
    func progressWithStdoutPiped() throws {
        let run = try PTYRun(["-", Self.sample], columns: 80, stdoutPiped: true, stdinAfter: 1.5,
                             stdinFile: Self.slowFirst)
        #expect(run.terminal.hasPrefix("\r\(Self.esc)[Kdmarc-parse: "))
        let stdout = try #require(run.stdout)
        #expect(!stdout.contains(Self.esc))
        #expect(stdout.contains("2025-01-01T00:00:00Z  2025-01-01T23:59:59Z"))
        #expect(stdout.split(separator: "\n").map(\.count).max()! > 120)
    }

    @Test("tables fit 80 and 120 columns: text cut with an ellipsis, numbers whole", arguments: [80, 120])
    func tablesFitTheWidth(columns: Int) throws {
        for view in [[], ["-s"], ["--records"], ["--audit", "Fixtures/audit"]] {
            let arguments = view.count == 2 ? view : view + [Self.sample]
            let run = try PTYRun(arguments, columns: columns)
            #expect(run.status == 0)
            let lines = PTYRun.plain(run.terminal).split(separator: "\n")
            let table = lines.filter { !$0.hasPrefix("dmarc-parse: ") && !$0.hasPrefix("- ") && !$0.contains("senders,") }
            for line in table {
                #expect(line.count <= columns, "\(view) at \(columns): \(line)")
            }
            if view.isEmpty {
                #expect(table.last == "total                     5       21       741         721          20"
                        || table.last!.hasSuffix("21       741         721          20"))
            }
        }
    }

    @Test("the default view at 120 columns: every column but the dispositions, the long reporter name cut")
    func defaultViewAt120() throws {
        let run = try PTYRun([Self.sample, "--color", "never"], columns: 120)
        #expect(run.terminal == """
            dmarc-parse: left out to fit 120 columns: none, quarantine, reject, pass (a wider terminal, or --format tsv for every column)
            reporter     reports  domains      begin                 end                   records  messages  dmarc_pass  dmarc_fail
            google.com         1  example.com  2025-01-01T00:00:00Z  2025-01-01T23:59:59Z        5       570         566           4
            Yahoo              1  example.com  2025-01-01T00:00:00Z  2025-01-01T23:59:59Z        4        65          61           4
            Enterprise…        1  example.com  2025-01-01T00:00:00Z  2025-01-01T23:59:59Z        6        59          56           3
            comcast.net        1  example.com  2025-01-01T00:00:00Z  2025-01-01T23:59:59Z        3        34          27           7
            mx.example…        1  example.com  2025-01-01T00:00:00Z  2025-01-01T23:59:59Z        3        13          11           2
            -----------  -------  -----------  --------------------  --------------------  -------  --------  ----------  ----------
            total              5  1 domain     2025-01-01T00:00:00Z  2025-01-01T23:59:59Z       21       741         721          20

            """)
    }

    @Test("at 80 columns the columns that cannot fit are left out, and stderr names them")
    func columnsLeftOutAt80() throws {
        let run = try PTYRun([Self.sample, "--color", "never"], columns: 80)
        #expect(run.terminal.hasPrefix("""
            dmarc-parse: left out to fit 80 columns: domains, begin, end, none, quarantine, reject, pass (a wider terminal, or --format tsv for every column)
            reporter            reports  records  messages  dmarc_pass  dmarc_fail
            google.com                1        5       570         566           4

            """))
    }

    @Test("at 80 columns the columns that say what passes and fails are kept")
    func keyColumnsKept() throws {
        let audit = try PTYRun(["--audit", "--color", "never", "Fixtures/audit"], columns: 80)
        #expect(audit.terminal.contains("\nsender       verdict       messages  dmarc_fail  pass_percent  forwarded_percent\n"))
        let records = try PTYRun(["--records", "--color", "never", Self.sample], columns: 80)
        #expect(records.terminal.contains("\nreporter            begin                 source_ip            count  dkim  spf\n"))
    }

    @Test("$COLUMNS wins over the terminal's width")
    func columnsVariable() throws {
        let run = try PTYRun(["-s", Self.sample], columns: 200, environment: ["COLUMNS": "60"])
        for line in PTYRun.plain(run.terminal).split(separator: "\n") where !line.hasPrefix("dmarc-parse: ") {
            #expect(line.count <= 60, "\(line)")
        }
    }

    @Test("colors on a terminal: pass green, fail red, verdicts that need action highlighted")
    func colorsOn() throws {
        let run = try PTYRun([Self.sample], columns: 200)
        #expect(run.terminal.contains("\(Self.esc)[32m566\(Self.esc)[0m"))
        #expect(run.terminal.contains("\(Self.esc)[31m4\(Self.esc)[0m"))
        let audit = try PTYRun(["--audit", "Fixtures/audit"], columns: 400)
        #expect(audit.terminal.contains("\(Self.esc)[1;33mDKIM passes for another domain\(Self.esc)[0m"))
        #expect(audit.terminal.contains("\(Self.esc)[32maligned and passing\(Self.esc)[0m"))
        #expect(audit.terminal.contains("\(Self.esc)[31munknown source failing everything\(Self.esc)[0m"))
        let records = try PTYRun(["--records", Self.sample], columns: 400)
        #expect(records.terminal.contains("\(Self.esc)[32mpass\(Self.esc)[0m"))
        #expect(records.terminal.contains("\(Self.esc)[31mfail\(Self.esc)[0m"))
    }

    @Test("no color with NO_COLOR, --color never, or a format other than table; --color always wins over NO_COLOR")
    func colorsOff() throws {
        for (arguments, environment) in [([Self.sample], ["NO_COLOR": "1"]), ([Self.sample, "--color", "never"], [:]),
                                         ([Self.sample, "--format", "tsv"], [:]), ([Self.sample], ["TERM": "dumb"])] {
            let run = try PTYRun(arguments, columns: 200, environment: environment)
            #expect(run.status == 0)
            #expect(!run.terminal.contains(Self.esc), "\(arguments) \(environment)")
        }
        let forced = try PTYRun([Self.sample, "--color", "always"], columns: 200, environment: ["NO_COLOR": "1"])
        #expect(forced.terminal.contains("\(Self.esc)[32m566"))
    }

    @Test("in a pipe: no escape code, whatever the view, unless --color always")
    func pipesArePlain() async throws {
        for view in [[], ["-s"], ["--records"], ["--audit"]] {
            let run = try await CLIRun(view + [Self.sample])
            #expect(!run.stdout.contains(Self.esc) && !run.stderr.contains(Self.esc), "\(view)")
        }
        let forced = try await CLIRun([Self.sample, "--color", "always"])
        #expect(forced.stdout.contains("\(Self.esc)[31m4\(Self.esc)[0m"))
    }
}
