/// A `ReportHandler` that reduces the reports of one input to `ReportSummary` values, applying a filter.
///
/// Memory grows with the distinct source addresses of a report, never with its records.
public final class ReportSummarizer: ReportHandler {
    public let filter: RecordFilter
    /// What to keep beside the report totals.
    public let details: SummaryDetails
    /// Complete reports that passed the filter, in the order read.
    public private(set) var summaries: [ReportSummary] = []
    public private(set) var errors: [DMARCError] = []
    public private(set) var warnings: [DMARCWarning] = []
    private var current: ReportSummary?

    public init(filter: RecordFilter = .init(), details: SummaryDetails = []) {
        self.filter = filter
        self.details = details
    }

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        current = filter.admits(header) ? ReportSummary(header: header, origin: origin) : nil
    }

    public func record(_ record: Record) {
        guard current != nil, filter.admits(record) else { return }
        current!.records += 1
        current!.totals.add(record)
        if details.contains(.sources) {
            let reporter = current!.header.metadata.reporter
            current!.sources[record.sourceIP, default: SourceTotals()].add(record, reporter: reporter)
        }
        if details.contains(.audit) {
            current!.audit.add(record, policy: current!.header.policy)
        }
    }

    public func endReport(_ header: ReportHeader) {
        guard var finished = current else { return }
        current = nil
        finished.header = header
        guard filter.admits(header), finished.records > 0 || !filter.filtersRecords else { return }
        summaries.append(finished)
    }

    public func fail(_ error: DMARCError) {
        current = nil
        errors.append(error)
    }

    public func warn(_ warning: DMARCWarning) {
        warnings.append(warning)
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
    mutating func add(_ record: Record, reporter: String) {
        totals.add(record)
        headerFromDomains.insert(record.identifiers.headerFrom.lowercased())
        reporters.insert(reporter)
    }
}
