import ArgumentParser
import DMARC
import Foundation

@main
struct DMARCParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dmarc-parse",
        abstract: "Read DMARC aggregate reports: who sends mail as your domain, and who fails SPF and DKIM.",
        discussion: HelpText.discussion,
        version: "dmarc-parse \(DMARCVersion.current)"
    )

    @Flag(help: "What to print (one at a time).")
    var view: View = .reporters

    @Option(help: ArgumentHelp("How to write the result.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(name: .customLong("fail-on-gaps"),
          help: "With --audit: exit 3 if a sender needs action.")
    var failOnGaps = false

    @Option(help: ArgumentHelp("Write everything as one HTML page (- for stdout).", valueName: "file"),
            completion: .file())
    var html: String?

    @OptionGroup(title: "Periods")
    var timelineOptions: TimelineOptions

    @OptionGroup(title: "Filters")
    var filters: FilterOptions

    @OptionGroup(title: "Naming sources")
    var enrichmentOptions: EnrichmentOptions

    @OptionGroup(title: "Naming sources")
    var reverseDNSOptions: ReverseDNSOptions

    @Option(name: .customLong("files-from"),
            help: ArgumentHelp("Also read the paths listed in this file (- for stdin), one per line or NUL-separated.",
                               valueName: "file"),
            completion: .file())
    var filesFrom: String?

    @Option(help: ArgumentHelp("Files read at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Name every duplicate report skipped, not only three.")
    var verbose = false

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    @Option(help: ArgumentHelp("Color the table (auto: on a terminal, unless NO_COLOR is set).", valueName: "when"))
    var color: ColorChoice = .auto

    @Argument(help: ArgumentHelp("Report files or folders; - reads standard input.", valueName: "path"),
              completion: .file())
    var paths: [String] = []

    mutating func validate() throws {
        guard !paths.isEmpty || filesFrom != nil else { throw ValidationError("name at least one file or folder") }
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
        if failOnGaps && view != .audit {
            throw ValidationError("--fail-on-gaps needs --audit: it exits 3 when the audit finds a sender to fix")
        }
        if view == .reports && format != .json && format != .ndjson {
            throw ValidationError("--reports writes nested documents: add --format ndjson or --format json")
        }
        try timelineOptions.validate(with: view, html: html, format: format)
        if reverseDNSOptions.resolve && html == nil && ![.statistics, .records, .audit].contains(view) {
            throw ValidationError("--resolve names the sources of -s, --records, --audit or --html: add one")
        }
        if enrichmentOptions.isOn && html == nil && ![.statistics, .records, .audit].contains(view) {
            throw ValidationError("--enrich and --ip-db name the sources of -s, --records, --audit or --html: add one")
        }
        if paths.contains("-") && filesFrom == "-" {
            throw ValidationError("standard input cannot be both a report (-) and --files-from -")
        }
    }

    /// Runs, then leaves with the exit status: 2 on usage errors, 1 when a file could not be read.
    static func main() {
        useOneMallocArena()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The help, the completion scripts and the man page's description: answered without argument-parser's help.
        if let answer = HelpText.answer(arguments) ?? CompletionScript.answer(arguments) {
            print(answer)
            Foundation.exit(0)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((UsageMessage.rewrite(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func run() throws {
        Terminal.setUp(color: color)
        var requested = paths
        if let filesFrom {
            do {
                requested += try InputFiles.list(from: filesFrom)
            } catch {
                throw ValidationError("--files-from \(filesFrom): \(error.localizedDescription)")
            }
        }
        let diagnostics = Diagnostics(inputs: paths + (filesFrom.map { ["--files-from \($0)"] } ?? []),
                                      filters: FilterOptions.typed(in: Array(CommandLine.arguments.dropFirst())),
                                      verbose: verbose)
        // Totals need only what DMARC decided; the audit and the record views need everything.
        let content: RecordContent = html == nil && [.reporters, .statistics, .timeline].contains(view)
            ? .policyEvaluated : .complete
        let run = ReportRun(reader: ReportReader(limits: limitOptions.limits, content: content), filter: filters.recordFilter,
                            jobs: jobs, diagnostics: diagnostics, enrichment: enrichmentOptions.enrichment(resolver: reverseDNSOptions.resolver()))
        let outcome = if let html {
            run.writeHTMLReport(of: requested, to: html, periods: timelineOptions.calendar)
        } else {
            switch view {
            case .records: run.printRecords(of: requested, format: format)
            case .reports: run.printReports(of: requested, format: format)
            case .timeline: run.printTimeline(of: requested, format: format, periods: timelineOptions.calendar)
            case .reporters, .statistics, .audit, .domains, .dkim:
                run.printSummary(of: requested, view: view, format: format)
            }
        }
        switch outcome {
        case .complete: Foundation.exit(0)
        case .someFilesFailed: Foundation.exit(1)
        case .gapsFound(let gaps, let someFilesFailed):
            // With --fail-on-gaps, 3 wins over 1: a cron alert on gaps must not be lost to one unreadable file,
            // whose failure is on stderr and in the closing line already.
            guard failOnGaps else { Foundation.exit(someFilesFailed ? 1 : 0) }
            gaps.forEach { diagnostics.report(gap: $0) }
            Foundation.exit(3)
        }
    }
}
