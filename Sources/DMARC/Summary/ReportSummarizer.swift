/// A `ReportHandler` that reduces the reports of one input to `ReportSummary` values, applying a filter.
///
/// Memory grows with the distinct source addresses of a report, never with its records.
public final class ReportSummarizer: ReportHandler {
    public let filter: RecordFilter
    /// What to keep beside the report totals.
    public let details: SummaryDetails
    /// Totals of the complete reports that passed the filter.
    public private(set) var statistics: Statistics
    /// Problems met since the last `takeDiagnostics()`.
    public private(set) var errors: [DMARCError] = []
    public private(set) var warnings: [DMARCWarning] = []
    /// Reports counted since the last `takeDiagnostics()`.
    public private(set) var reportsCounted = 0
    @exclusivity(unchecked) private var current: ReportSummary
    @exclusivity(unchecked) private var isCollecting = false

    public init(filter: RecordFilter = .init(), details: SummaryDetails = [], statistics: Statistics = .init()) {
        self.filter = filter
        self.details = details
        self.statistics = statistics
        current = ReportSummary(header: ReportHeader(), origin: ReportOrigin(file: ""))
    }

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        isCollecting = filter.admits(header)
        current = ReportSummary(header: header, origin: origin)
    }

    public func record(_ record: Record) {
        guard isCollecting, filter.admits(record) else { return }
        current.records += 1
        current.totals.add(record)
        if details.contains(.sources) {
            current.sources[record.sourceIP, default: SourceTotals()].add(record)
        }
        if details.contains(.audit) {
            current.audit.add(record, policy: current.header.policy)
        }
    }

    public func endReport(_ header: ReportHeader) {
        guard isCollecting else { return }
        isCollecting = false
        current.header = header
        if filter.admits(header), current.records > 0 || !filter.filtersRecords, statistics.add(current) {
            reportsCounted += 1
        }
        current.sources = [:]  // one report's sources may be many: not kept until the next report
        current.audit = AuditTally()
    }

    public func fail(_ error: DMARCError) {
        isCollecting = false
        current.sources = [:]
        current.audit = AuditTally()
        errors.append(error)
    }

    /// Hands over the totals, leaving this summarizer empty (so that they are not held twice).
    public func takeStatistics() -> Statistics {
        defer { statistics = Statistics(sharing: statistics.registry) }
        return statistics
    }

    public func warn(_ warning: DMARCWarning) {
        warnings.append(warning)
    }

    /// The problems and the count of reports since the last call, for reporting one input at a time.
    public func takeDiagnostics() -> (errors: [DMARCError], warnings: [DMARCWarning], reportsCounted: Int) {
        defer {
            errors = []
            warnings = []
            reportsCounted = 0
        }
        return (errors, warnings, reportsCounted)
    }
}

/// What a summary keeps beside the report totals.
public struct SummaryDetails: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Totals per source address (`ReportSummary.sources`).
    public static let sources = SummaryDetails(rawValue: 1)
    /// What the sender audit needs (`ReportSummary.audit`).
    public static let audit = SummaryDetails(rawValue: 2)
}

extension SourceTotals {
    /// Counts one record; its `header_from` is kept as written (see `add(oneReport:reporter:)`).
    mutating func add(_ record: Record) {
        totals.add(record)
        // Consecutive records of a source nearly always name the same domain: compare before hashing.
        if headerFromDomains.count != 1 || headerFromDomains.first != record.identifiers.headerFrom {
            headerFromDomains.insert(record.identifiers.headerFrom)
        }
    }
}
