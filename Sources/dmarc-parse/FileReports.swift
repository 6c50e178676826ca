import DMARC

/// What a run says about each file as it is read — its warnings and errors, the progress line — and what the
/// closing line counts from them: one place for every view.
final class FileReports {
    private let diagnostics: Diagnostics
    private let fileCount: Int
    /// Paths that could not be read, and files with an error.
    private(set) var failedFiles: Int
    private var reportsRead = 0
    private var duplicateOrigins: [ReportOrigin] = []

    /// For `fileCount` files found, after `pathProblems` (paths that are no readable file), which are said now.
    init(diagnostics: Diagnostics, fileCount: Int, pathProblems: [String]) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        failedFiles = pathProblems.count
        pathProblems.forEach { diagnostics.report(pathProblem: $0) }
    }

    /// Takes the file at `index` (0-based, in the order of the files) once it is read.
    func take(_ index: Int, _ file: FileSummary) {
        file.warnings.forEach(diagnostics.report)
        file.errors.forEach(diagnostics.report)
        if !file.errors.isEmpty { failedFiles += 1 }
        reportsRead += file.reportsRead
        duplicateOrigins += file.duplicateOrigins
        diagnostics.progress(filesDone: index + 1, of: fileCount)
    }

    /// The closing line, for a run that counted `reports` reports and skipped `duplicates`.
    func finish(reports: Int, duplicates: Int) {
        diagnostics.finish(files: fileCount, reports: reports, duplicates: duplicates, failedFiles: failedFiles,
                           reportsRead: reportsRead, duplicateOrigins: duplicateOrigins)
    }

    /// How the run ended, for the exit status.
    var outcome: RunOutcome { failedFiles > 0 ? .someFilesFailed : .complete }
}
