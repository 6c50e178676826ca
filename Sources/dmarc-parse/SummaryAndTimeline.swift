import DMARC

/// One read feeding two views, for the HTML report: the summary totals (reporters, sources, audit) and the timeline.
/// Both get the same reports from the same `ReportCounter`, so their numbers agree.
final class SummaryAndTimeline: CountedReportHandler {
    let summarizer = ReportSummarizer(details: [.sources, .audit])
    let collector: TimelineCollector

    init(calendar: PeriodCalendar) {
        collector = TimelineCollector(calendar: calendar)
    }

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        summarizer.beginReport(header, origin: origin)
        collector.beginReport(header, origin: origin)
    }

    func record(_ record: Record) {
        summarizer.record(record)
        collector.record(record)
    }

    func commitReport(_ header: ReportHeader) {
        summarizer.commitReport(header)
        collector.commitReport(header)
    }

    func discardReport() {
        summarizer.discardReport()
        collector.discardReport()
    }
}
