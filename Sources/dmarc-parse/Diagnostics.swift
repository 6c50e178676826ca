import DMARC
import Foundation

/// Everything the tool says on stderr: problems, warnings, progress on a terminal, and a closing count.
final class Diagnostics {
    private let showsProgress = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private var lastProgress = Date.distantPast
    private var progressShown = false
    private(set) var problemCount = 0
    private(set) var warningCount = 0

    func report(_ error: DMARCError) {
        problemCount += 1
        if case .limitExceeded(let limit, _) = error.reason, limit == .decompressedBytes || limit == .zipMembers {
            say("dmarc-parse: \(error) (see --help to raise the limit)")
        } else {
            say("dmarc-parse: \(error)")
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

    /// A sender the audit says needs action (with --fail-on-gaps).
    func report(gap: String) {
        say("dmarc-parse: needs action: \(gap)")
    }

    /// A progress line, only on a terminal and only once the run has taken a second.
    func progress(filesDone: Int, of total: Int) {
        guard showsProgress else { return }
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastProgress) > 0.1 || filesDone == total
        else { return }
        lastProgress = now
        progressShown = true
        write("\r\u{1B}[Kdmarc-parse: \(filesDone) of \(total) files read")
    }

    /// The closing line, when anything went wrong or was skipped.
    func finish(files: Int, reports: Int, duplicates: Int, failedFiles: Int) {
        clearProgress()
        if duplicates > 0 {
            say("dmarc-parse: skipped \(plural(duplicates, "duplicate report")) (same reporter, report ID and domain)")
        }
        guard failedFiles > 0 || problemCount > 0 || duplicates > 0 || warningCount > 0 else { return }
        say("dmarc-parse: \(plural(files, "file")) read, \(plural(reports, "report")), "
            + "\(plural(duplicates, "duplicate")), \(plural(failedFiles, "file")) failed")
    }

    private func say(_ line: String) {
        clearProgress()
        write(line + "\n")
    }

    private func clearProgress() {
        guard progressShown else { return }
        progressShown = false
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

}

/// `1 file`, `2 files`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
