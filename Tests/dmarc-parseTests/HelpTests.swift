import Foundation
import Testing

/// `--help`: the common case on one screen, wrapped to 80 columns in a pipe, no default said twice.
@Suite("Help")
struct HelpTests {
    @Test("--help in a pipe: at most 60 lines of at most 80 columns, examples whole")
    func fitsAScreen() async throws {
        let run = try await CLIRun(["--help"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 60)
        for line in lines { #expect(line.count <= 80, "\(line)") }
        let examples = lines.filter { $0.hasPrefix("  dmarc-parse ") }
        #expect(examples.count == 4)
        // An example is a whole command: the next line is another example, or blank.
        for (index, line) in lines.enumerated() where line.hasPrefix("  dmarc-parse ") {
            #expect(lines[index + 1].hasPrefix("  dmarc-parse ") || lines[index + 1].isEmpty)
        }
        #expect(run.stdout.contains("man dmarc-parse"))
    }

    @Test("no default said twice, and the one that depends on the machine said in words")
    func noRepeatedDefaults() async throws {
        let run = try await CLIRun(["--help"])
        let text = run.stdout.replacing("\n                          ", with: " ")
        for line in text.split(separator: "\n") {
            #expect(line.ranges(of: "default").count <= 1, "\(line)")
        }
        #expect(text.contains("--jobs <n>              Files read at once (default: the number of cores).\n"))
        #expect(text.contains("--reporters             One row per reporter (the default).\n"))
        #expect(text.contains("(values: table, tsv, csv, json, ndjson; default: table)"))
    }

    @Test("the help on a wide terminal is wrapped to it; examples are never wrapped on a narrow one")
    func terminalWidth() throws {
        let wide = try PTYRun(["--help"], columns: 120)
        let wideLines = wide.terminal.split(separator: "\n")
        #expect(wideLines.contains { $0.count > 80 })
        #expect(wideLines.allSatisfy { $0.count <= 120 })
        let narrow = try PTYRun(["--help"], columns: 50)
        #expect(narrow.terminal.contains("  dmarc-parse --records --format csv ~/dmarc-reports > records.csv\n"))
    }

    @Test("the man page's description holds the whole reference (limits, exit status, environment)")
    func manPageReference() async throws {
        let run = try await CLIRun(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let command = try #require(json["command"] as? [String: Any])
        let discussion = try #require(command["discussion"] as? String)
        for topic in ["Limits (per file)", "Exit status:", "NO_COLOR", "Maildir"] {
            #expect(discussion.contains(topic))
        }
        #expect(command["subcommands"] == nil)
    }
}
