/// A `ReportHandler` that reduces the reports of one input to `ReportSummary` values, applying a filter.
///
/// Memory grows with the distinct source addresses of a report, never with its records.
public final class ReportSummarizer: ReportHandler {
    public let filter: RecordFilter
    /// Whether to keep totals per source address.
    public let collectsSources: Bool
    /// Complete reports that passed the filter, in the order read.
    public private(set) var summaries: [ReportSummary] = []
    public private(set) var errors: [DMARCError] = []
    public private(set) var warnings: [DMARCWarning] = []
    private var current: ReportSummary?

    public init(filter: RecordFilter = .init(), collectsSources: Bool) {
        self.filter = filter
        self.collectsSources = collectsSources
    }

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        current = filter.admits(header) ? ReportSummary(header: header, origin: origin) : nil
    }

    public func record(_ record: Record) {
        guard current != nil, filter.admits(record) else { return }
        current!.records += 1
        current!.totals.add(record)
        guard collectsSources else { return }
        let reporter = current!.header.metadata.reporter
        current!.sources[record.sourceIP, default: SourceTotals()].add(record, reporter: reporter)
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

extension SourceTotals {
    mutating func add(_ record: Record, reporter: String) {
        totals.add(record)
        headerFromDomains.insert(record.identifiers.headerFrom.lowercased())
        reporters.insert(reporter)
    }
}
