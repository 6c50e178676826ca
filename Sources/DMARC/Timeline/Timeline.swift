/// Messages per period and policy domain: the time series behind `--timeline` and the HTML report's charts.
///
/// Fed one counted report at a time (`add(_:in:)`), each spread over the periods its date range covers in
/// proportion to the seconds it holds of each (`LargestRemainder`), so a weekly report adds a seventh of its
/// messages to each day instead of a spike on one. Built per thread and merged; memory grows with periods ×
/// domains, plus one small id per distinct source and reporter in each period where it appears.
public struct Timeline: Sendable {
    /// How time is cut into periods.
    public let calendar: PeriodCalendar
    private var periods: [Key: PeriodTotals] = [:]
    /// Sources and reporters by id, so that a period keeps 4-byte ids instead of strings.
    private var sources = SourceIndex()
    private var reporterIDs: [String: UInt32] = [:]
    private var reporterKeys = ReporterKeyCache()
    /// SPF and DKIM outcomes over all reports added (not per period).
    public private(set) var authentication = AuthenticationShares()

    struct Key: Hashable, Sendable {
        var start: Int64
        var domain: String
    }

    struct PeriodTotals: Sendable {
        var counts = TimelineCounts()
        var reports = 0
        var sources: Set<UInt32> = []
        var reporters: Set<UInt32> = []
        var policies: Set<PolicySeen> = []
    }

    /// The `p` and `pct` of a report's published policy.
    public struct PolicySeen: Hashable, Sendable, Comparable {
        /// `p` as the report wrote it (its standard word), nil when left out.
        public var p: String?
        /// `pct`, nil when left out.
        public var pct: Int?

        /// By `p`, then `pct`; a value left out first.
        public static func < (lhs: PolicySeen, rhs: PolicySeen) -> Bool {
            (lhs.p ?? "", lhs.pct ?? -1) < (rhs.p ?? "", rhs.pct ?? -1)
        }
    }

    /// An empty timeline.
    public init(calendar: PeriodCalendar) {
        self.calendar = calendar
    }

    /// Adds one report that counts. Its reporter, sources, report and policy count in every period it overlaps and
    /// adds messages to (a report from 05:00 to 05:00 whose two messages both fall to the first day is no report of
    /// the second: a day of sources without messages would be a day of nothing); a report of no messages counts in
    /// every period it overlaps.
    public mutating func add(_ report: TimelineReport, in header: ReportHeader) {
        add(report, sourceIDs: report.sources.map { sourceID(of: $0) }, in: header)
    }

    /// Adds one report that counts, its sources given as `sourceID(of:)` ids (repeats allowed): the reader's way,
    /// which looks each record's source up once instead of collecting the report's sources first.
    mutating func add(_ report: TimelineReport, sourceIDs: [UInt32], in header: ReportHeader) {
        authentication.add(report.authentication)
        let overlaps = calendar.overlaps(of: header.metadata.dateRange)
        let weights = overlaps.map(\.seconds)
        var split = Array(repeating: TimelineCounts(), count: overlaps.count)
        // Each cell's leftover messages go to the next periods after the previous cell's, so that a weekly
        // report's leftovers go round the week instead of all landing on its first days.
        var tiesFrom = 0
        for (cell, count) in report.cells.enumerated() where count > 0 {
            let (parts, leftover) = LargestRemainder.splitCountingLeftover(count, weights: weights, tiesFrom: tiesFrom)
            for (index, part) in parts.enumerated() {
                split[index].cells[cell] = part
            }
            tiesFrom = (tiesFrom + Int(leftover % UInt64(max(1, weights.count)))) % max(1, weights.count)
        }
        let domain = header.policy.domain.lowercased()
        let reporter = id(ofReporter: reporterKeys.key(of: header.metadata))
        let sources = Set(sourceIDs)
        let policy = PolicySeen(p: header.policy.p?.word, pct: header.policy.pct)
        let hasMessages = report.cells.contains { $0 > 0 }
        for (index, overlap) in overlaps.enumerated()
        where !hasMessages || split[index].cells.contains(where: { $0 > 0 }) {
            // Changed in place: a copy taken out of the dictionary would copy its sets on every report.
            Self.update(&periods[Key(start: overlap.start, domain: domain), default: PeriodTotals()]) { totals in
                totals.counts.add(split[index])
                totals.reports += 1
                totals.reporters.insert(reporter)
                totals.sources.formUnion(sources)
                totals.policies.insert(policy)
            }
        }
    }

    /// Adds one whole report that counts (for reports already in memory; a reader feeds `TimelineReport` instead).
    public mutating func add(_ report: AggregateReport) {
        var counts = TimelineReport()
        for record in report.records { counts.add(record, under: report.header.policy) }
        add(counts, in: report.header)
    }

    /// The timelines of several threads (of `calendar`) as one: the first taken as it is, the others merged into it.
    public static func merging(_ timelines: [Timeline], calendar: PeriodCalendar) -> Timeline {
        var merged = timelines.first ?? Timeline(calendar: calendar)
        for timeline in timelines.dropFirst() { merged.merge(timeline) }
        return merged
    }

    /// Adds what another timeline of the same calendar counted (on another thread).
    public mutating func merge(_ other: Timeline) {
        authentication.add(other.authentication)
        let sourceMap = other.sources.sources.map { sourceID(of: $0) }
        var reporterMap: [UInt32: UInt32] = [:]
        for (reporter, otherID) in other.reporterIDs { reporterMap[otherID] = id(ofReporter: reporter) }
        for (key, theirs) in other.periods {
            Self.update(&periods[key, default: PeriodTotals()]) { totals in
                totals.counts.add(theirs.counts)
                totals.reports += theirs.reports
                // Every id of theirs is in the maps: they were built from the same tables.
                for source in theirs.sources { totals.sources.insert(sourceMap[Int(source)]) }
                for reporter in theirs.reporters { totals.reporters.insert(reporterMap[reporter] ?? 0) }
                totals.policies.formUnion(theirs.policies)
            }
        }
    }

    private static func update(_ totals: inout PeriodTotals, _ change: (inout PeriodTotals) -> Void) {
        change(&totals)
    }

    /// The small id that stands for `source` in this timeline's periods.
    mutating func sourceID(of source: SourceIP) -> UInt32 {
        UInt32(truncatingIfNeeded: sources.index(of: source))
    }

    private mutating func id(ofReporter reporter: String) -> UInt32 {
        if let id = reporterIDs[reporter] { return id }
        let id = UInt32(truncatingIfNeeded: reporterIDs.count)
        reporterIDs[reporter] = id
        return id
    }

    /// The policy domains seen, sorted.
    public var domains: [String] { Set(periods.keys.map(\.domain)).sorted() }

    /// Every period from the first to the last one with a report, in order (those without a report too), unless
    /// that is more than `maxFilledPeriods` (a report dated decades away): then only those with a report.
    public var periodStarts: [Int64] {
        let withReports = Set(periods.keys.map(\.start)).sorted()
        guard let first = withReports.first, let last = withReports.last else { return [] }
        // A period lasts at least 23 hours (a day that loses an hour to daylight saving time).
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, span / (23 * 3600) < Int64(Self.maxFilledPeriods) else { return withReports }
        var starts = [first]
        while let current = starts.last, current < last { starts.append(calendar.start(after: current)) }
        return starts
    }

    /// The most periods `periodStarts` fills in between reports: about 27 years of days.
    public static let maxFilledPeriods = 10_000

    /// One row per period and domain, periods in order then domains sorted; periods without reports give zeros.
    public var rows: [TimelineRow] {
        let domains = self.domains
        return periodStarts.flatMap { start in
            domains.map { domain in
                let totals = periods[Key(start: start, domain: domain)] ?? PeriodTotals()
                return TimelineRow(start: start, label: calendar.label(start), domain: domain, counts: totals.counts,
                                   reports: totals.reports, reporters: totals.reporters.count,
                                   sources: totals.sources.count, policies: totals.policies.sorted())
            }
        }
    }
}
