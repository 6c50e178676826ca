import DMARC
import Foundation

extension ReportRun {
    /// `--html FILE`: reads everything once (by the periods of `--by` and `--tz`, days in UTC by default), then
    /// writes the self-contained report to `destination` (`-`: standard output).
    func writeHTMLReport(of paths: [String], to destination: String, periods calendar: PeriodCalendar) -> RunOutcome {
        let (files, pathProblems) = InputFiles.expand(paths)
        let fileReports = FileReports(diagnostics: diagnostics, fileCount: files.count, pathProblems: pathProblems)
        let run = reader(forFiles: files.count, parallelFiles: jobs).count(
            files: files, jobs: jobs, filter: filter, makeView: { SummaryAndTimeline(calendar: calendar) },
            fileReports.take)
        var totals = ReportTotals()
        for view in run.views { totals.merge(view.summarizer.takeTotals()) }
        let timeline = Timeline.merging(run.views.map(\.collector.timeline), calendar: calendar)
        let sources = SenderAudit.sources(of: totals.audit)
        let enricher = enricher(for: sources)
        let enrichment = enricher.map { EnrichmentView.table($0, for: sources) }
        sayWarnings(of: enricher)
        let report = HTMLReport(totals: totals, timeline: timeline, reportCount: run.reportCount,
                                duplicateCount: run.duplicateCount, filesRead: files.count, filesFailed: fileReports.failedFiles,
                                filter: filter, enrichment: enrichment)
        let html = Data(report.html.utf8)
        if destination == "-" {
            FileHandle.standardOutput.write(html)
        } else {
            do {
                try html.write(to: URL(fileURLWithPath: destination), options: .atomic)
            } catch {
                diagnostics.report(pathProblem: "\(destination): cannot write the HTML report: \(error.localizedDescription)")
                return .someFilesFailed
            }
        }
        fileReports.finish(reports: run.reportCount, duplicates: run.duplicateCount)
        return fileReports.outcome
    }
}
