import ArgumentParser
import DMARC
import Foundation

@main
struct DMARCParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dmarc-parse",
        abstract: "Read DMARC aggregate reports: who sends mail as your domain, and who fails SPF and DKIM.",
        discussion: """
            Reads .zip, .gz and .xml reports and saved e-mails (.eml, mbox, Maildir), recognised by content \
            whatever their names, folders of them (recursively, \
            hidden files skipped) and - for standard input. Results go to stdout; every problem goes to stderr \
            as 'dmarc-parse: <file>[: <member>]: <reason>' and the other files still count.

            Examples:
              Summarise a folder of saved attachments, one row per reporter:
                dmarc-parse ~/dmarc-reports
              Messages per source IP as TSV, largest first, for sort/awk:
                dmarc-parse -s --format tsv ~/dmarc-reports | awk -F'\\t' '$4 > 0'
              The sources failing both SPF and DKIM, except your own network, for jq:
                dmarc-parse -s --failing --exclude-ips 192.0.2.0/24,2001:db8::/32 --format json ~/dmarc-reports
              Audit: every sender, why it fails, what to fix before p=reject:
                dmarc-parse --audit ~/dmarc-reports

            Exit status: 0 every file was read; 1 some file could not be read (the result is still printed); \
            2 usage error; 3 with --audit --fail-on-gaps, when every file was read and a sender needs action.

            Limits (per file): decompressed size \(ReadingLimits().maxDecompressedBytes >> 20) MiB \
            (--max-decompressed-mib), zip members \(ReadingLimits().maxZipMembers) (--max-zip-members), element \
            depth \(ReadingLimits().maxElementDepth), text per element \(ReadingLimits().maxTextBytes >> 10) KiB, \
            containers nested \(ReadingLimits().maxNesting) deep, \(ReadingLimits().maxRepeatedElements) <dkim>, <spf> \
            or <reason> per record. Documents that declare XML entities are refused. \
            A giant report (a million records is about 500 MiB of XML) needs a higher --max-decompressed-mib.
            """,
        version: "dmarc-parse \(DMARCVersion.current)"
    )

    @Flag(help: "What to print (one at a time).")
    var view: View = .reporters

    @Option(help: ArgumentHelp("Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "format"))
    var format: OutputFormat = .table

    @Flag(name: .customLong("fail-on-gaps"),
          help: "With --audit: exit 3 when a sender needs action (for cron and CI monitoring).")
    var failOnGaps = false

    @OptionGroup(title: "Filters")
    var filters: FilterOptions

    @Option(name: .customLong("files-from"),
            help: ArgumentHelp("Also read the paths listed in this file (- for stdin), one per line or NUL-separated.",
                               valueName: "file"))
    var filesFrom: String?

    @Option(help: ArgumentHelp("Files read at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp("Report files or folders; - reads standard input.", valueName: "path"))
    var paths: [String] = []

    mutating func validate() throws {
        guard !paths.isEmpty || filesFrom != nil else { throw ValidationError("name at least one file or folder") }
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
        if view == .reports && format != .json && format != .ndjson {
            throw ValidationError("--reports writes nested documents: add --format ndjson or --format json")
        }
        if paths.contains("-") && filesFrom == "-" {
            throw ValidationError("standard input cannot be both a report (-) and --files-from -")
        }
    }

    /// Runs, then leaves with the exit status: 2 on usage errors, 1 when a file could not be read.
    static func main() {
        useOneMallocArena()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func run() throws {
        var requested = paths
        if let filesFrom {
            do {
                requested += try InputFiles.list(from: filesFrom)
            } catch {
                throw ValidationError("--files-from \(filesFrom): \(error.localizedDescription)")
            }
        }
        let diagnostics = Diagnostics()
        // Totals need only what DMARC decided; the audit and the record views need everything.
        let content: RecordContent = view == .reporters || view == .statistics ? .policyEvaluated : .complete
        let run = ReportRun(reader: ReportReader(limits: limitOptions.limits, content: content), filter: filters.recordFilter,
                            jobs: jobs, diagnostics: diagnostics)
        let outcome = switch view {
        case .records: run.printRecords(of: requested, format: format)
        case .reports: run.printReports(of: requested, format: format)
        case .reporters, .statistics, .audit: run.printSummary(of: requested, view: view, format: format)
        }
        switch outcome {
        case .complete: Foundation.exit(0)
        case .someFilesFailed: Foundation.exit(1)
        case .gapsFound(let gaps):
            guard failOnGaps else { Foundation.exit(0) }
            gaps.forEach { diagnostics.report(gap: $0) }
            Foundation.exit(3)
        }
    }
}
