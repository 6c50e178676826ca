import DMARC

extension ReportRun {
    /// `--timeline`: one row per period of `periods` and policy domain, through the library's counting rule.
    func printTimeline(of paths: [String], format: OutputFormat, periods: PeriodCalendar) -> RunOutcome {
        let (files, pathProblems) = InputFiles.expand(paths)
        pathProblems.forEach { diagnostics.report(pathProblem: $0) }
        var failedFiles = pathProblems.count
        let run = reader(forFiles: files.count, parallelFiles: jobs).timeline(
            files: files, jobs: jobs, filter: filter, calendar: periods
        ) { index, file in
            file.warnings.forEach(diagnostics.report)
            file.errors.forEach(diagnostics.report)
            if !file.errors.isEmpty { failedFiles += 1 }
            diagnostics.progress(filesDone: index + 1, of: files.count)
        }
        let output = StandardOutput()
        TableWriter.write(TimelineView.table(run.views.first), as: format, to: output)
        output.flush()
        diagnostics.finish(files: files.count, reports: run.reportCount, duplicates: run.duplicateCount,
                           failedFiles: failedFiles)
        return failedFiles == 0 ? .complete : .someFilesFailed
    }
}
