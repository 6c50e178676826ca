/// The timeline as a view: fed by a `ReportCounter`, it keeps one report's counts apart while the report is read and
/// spreads them over its periods when the report counts (`Timeline.add(_:in:)`).
///
/// Run it with `ReportReader.count(files:jobs:filter:makeView:_:)`, one per thread, and merge their timelines.
public final class TimelineCollector: CountedReportHandler {
    // Used on one thread at a time, record by record: no run-time exclusivity checks (three per record).
    /// The reports that counted so far.
    @exclusivity(unchecked) public private(set) var timeline: Timeline
    @exclusivity(unchecked) private var current = TimelineReport()
    /// The sources of the report being read, as the timeline's ids, one per record.
    @exclusivity(unchecked) private var currentSources: [UInt32] = []
    /// The report's alignment modes, which judge its records (not its whole policy: a copy of it per record cost
    /// more than counting the record).
    private var adkim: Alignment?
    private var aspf: Alignment?

    /// An empty timeline of `calendar`'s periods.
    public init(calendar: PeriodCalendar) {
        timeline = Timeline(calendar: calendar)
    }

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        current = TimelineReport()
        currentSources.removeAll(keepingCapacity: true)
        adkim = header.policy.adkim
        aspf = header.policy.aspf
    }

    public func record(_ record: Record) {
        current.addCounts(of: record, outcome: record.dmarcOutcome(adkim: adkim, aspf: aspf))
        // An id given to the source of a report that ends up not counting is never in a period: harmless.
        currentSources.append(timeline.sourceID(of: record.sourceIP))
    }

    public func commitReport(_ header: ReportHeader) {
        timeline.add(current, sourceIDs: currentSources, in: header)
        current = TimelineReport()
        currentSources.removeAll(keepingCapacity: true)
    }

    public func discardReport() {
        current = TimelineReport()
        currentSources.removeAll(keepingCapacity: true)
    }
}

extension ReportReader {
    /// The timeline of the reports that count in `paths`, read on `jobs` threads (see `count`).
    public func timeline(
        files paths: [String], jobs: Int, filter: ReportFilter, calendar: PeriodCalendar,
        _ consume: (Int, FileSummary) -> Void
    ) -> CountedRun<Timeline> {
        let run = count(files: paths, jobs: jobs, filter: filter, makeView: { TimelineCollector(calendar: calendar) },
                        consume)
        let timeline = Timeline.merging(run.views.map(\.timeline), calendar: calendar)
        return CountedRun(views: [timeline], reportCount: run.reportCount, duplicateCount: run.duplicateCount)
    }
}
