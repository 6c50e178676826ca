import DMARC

extension ReportRun {
    /// `--timeline`: one row per period of `periods` and policy domain, through the library's counting rule.
    func printTimeline(of paths: [String], format: OutputFormat, periods: PeriodCalendar) -> RunOutcome {
        let (files, pathProblems) = InputFiles.expand(paths)
        let fileReports = FileReports(diagnostics: diagnostics, fileCount: files.count, pathProblems: pathProblems)
        let run = reader(forFiles: files.count, parallelFiles: jobs).timeline(
            files: files, jobs: jobs, filter: filter, calendar: periods, fileReports.take)
        let output = StandardOutput()
        TableWriter.write(TimelineView.table(run.views.first), as: format, to: output)
        output.flush()
        fileReports.finish(reports: run.reportCount, duplicates: run.duplicateCount)
        return fileReports.outcome
    }
}
