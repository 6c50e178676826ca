import DMARC
import Foundation

/// Everything the tool says on stderr: problems, warnings, progress on a terminal, and a closing count.
final class Diagnostics {
    /// The paths the user named, the filters they set (as typed), and `-v`: for the lines that say nothing was found.
    private let inputs: [String]
    private let filters: [String]
    private let verbose: Bool
    /// When the user started the command (see `ProcessStart`): the progress line waits a second from then.
    private let started = Date(timeIntervalSinceNow: -(ProcessStart.elapsed() ?? 0))
    private var lastProgress = Date.distantPast
    private(set) var problemCount = 0
    private(set) var warningCount = 0

    init(inputs: [String] = [], filters: [String] = [], verbose: Bool = false) {
        self.inputs = inputs
        self.filters = filters
        self.verbose = verbose
    }

    func report(_ error: DMARCError) {
        problemCount += 1
        if case .limitExceeded(let limit, _) = error.reason, let option = Self.option(raising: limit) {
            say("dmarc-parse: \(error) (\(option) raises the limit)")
        } else {
            say("dmarc-parse: \(error)")
        }
    }

    /// The flag that raises a limit, for the limits that have one.
    private static func option(raising limit: ReadingLimits.Limit) -> String? {
        switch limit {
        case .decompressedBytes: "--max-decompressed-mib"
        case .compressionRatio: "--max-compression-ratio"
        case .zipMembers: "--max-zip-members"
        default: nil
        }
    }

    /// A problem with a path itself (missing, unreadable folder).
    func report(pathProblem: String) {
        problemCount += 1
        say("dmarc-parse: \(pathProblem)")
    }

    func report(_ warning: DMARCWarning) {
        warningCount += 1
        say("dmarc-parse: \(warning)")
    }

    /// A problem with an IP database or reverse DNS: the run goes on without that data.
    func report(_ warning: EnrichmentWarning) {
        warningCount += 1
        say("dmarc-parse: \(warning)")
    }

    /// A sender the audit says needs action (with --fail-on-gaps).
    func report(gap: String) {
        say("dmarc-parse: needs action: \(gap)")
    }

    /// A progress line, only on a terminal and only once the run has taken a second.
    func progress(filesDone: Int, of total: Int) {
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastProgress) > 0.1 || filesDone == total
        else { return }
        lastProgress = now
        ProgressLine.shared.show("dmarc-parse: \(filesDone) of \(total) files read")
    }

    /// The closing lines: what was skipped, when nothing was found, and a count when anything went wrong.
    /// `reportsRead` counts every report read to its end, before filters and duplicates.
    func finish(files: Int, reports: Int, duplicates: Int, failedFiles: Int, reportsRead: Int? = nil,
                duplicateOrigins: [ReportOrigin] = []) {
        clearProgress()
        if duplicates > 0 {
            say("dmarc-parse: skipped \(plural(duplicates, "duplicate report")) (same reporter, report ID, domain and period)"
                + Self.listed(duplicateOrigins.map(\.description).sorted(), all: verbose, more: "-v names all"))
        }
        if reports == 0 && failedFiles == 0 {
            if let reportsRead, reportsRead > 0, !filters.isEmpty {
                say("dmarc-parse: the filters left no record: \(filters.joined(separator: " ")) "
                    + "(\(plural(reportsRead, "report")) read)")
            } else if reportsRead ?? 0 == 0 {
                let named = inputs.map { $0 == "-" ? "standard input" : $0 }
                say("dmarc-parse: no DMARC report in" + Self.listed(named, all: false, more: nil).dropFirst())
            }
        }
        guard failedFiles > 0 || problemCount > 0 || duplicates > 0 || warningCount > 0 else { return }
        say("dmarc-parse: \(plural(files, "file")) read, \(plural(reports, "report")), "
            + "\(plural(duplicates, "duplicate")), \(plural(failedFiles, "file")) failed")
    }

    /// `: a, b, c and 4 more (hint)`: the first three names, or all.
    private static func listed(_ names: [String], all: Bool, more hint: String?) -> String {
        guard !names.isEmpty else { return "" }
        let shown = all ? names : Array(names.prefix(3))
        let rest = names.count - shown.count
        return ": " + shown.joined(separator: ", ")
            + (rest > 0 ? " and \(rest) more" + (hint.map { " (\($0))" } ?? "") : "")
    }

    private func say(_ line: String) {
        clearProgress()
        write(line + "\n")
    }

    private func clearProgress() {
        ProgressLine.shared.clear()
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

}

/// `1 file`, `2 files`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
