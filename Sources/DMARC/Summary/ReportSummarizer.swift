/// The summary views' `CountedReportHandler`: reduces each report that counts to a `ReportSummary` and adds it to
/// `ReportTotals`. Fed by a `ReportCounter`, which decides what counts.
///
/// Memory grows with the distinct source addresses of a report, never with its records: one report's share is
/// kept apart while it is read, and added when it counts.
public final class ReportSummarizer: CountedReportHandler {
    /// What to keep beside the report totals.
    public let details: SummaryDetails
    /// Totals of the reports that counted.
    public var totals: ReportTotals {
        var totals = counted
        totals.add(audit: audit)
        return totals
    }
    /// The totals of the reports that counted but the audit's, kept apart in `audit`.
    private var counted = ReportTotals()
    // Touched by one thread, once per record: exclusivity checks would cost more than the tallying.
    @exclusivity(unchecked) private var current: ReportSummary
    /// The audit of this thread's reports: a report's records are added tentatively, and kept when it counts (no
    /// tally per report to merge: issue 17).
    @exclusivity(unchecked) private var audit = AuditTally()

    public init(details: SummaryDetails = []) {
        self.details = details
        current = ReportSummary(header: ReportHeader(), origin: ReportOrigin(file: ""))
    }

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        // Field by field: the source table keeps its storage from report to report.
        current.header = header
        current.origin = origin
        current.records = 0
        current.totals = MessageTotals()
    }

    public func record(_ record: Record) {
        let outcome = record.dmarcOutcome(under: current.header.policy)
        current.records += 1
        current.totals.add(record, outcome: outcome)
        if details.contains(.sources) {
            current.sourceTable.add(record, outcome: outcome)
        }
        if details.contains(.audit) {
            audit.addTentatively(record, in: current.header)
        }
    }

    public func commitReport(_ header: ReportHeader) {
        current.header = header
        counted.add(taking: &current)
        audit.commitTentative()
        discardReport()
    }

    public func discardReport() {
        current.sourceTable.removeAll()
        audit.discardTentative()
    }

    /// Hands over the totals, leaving this summarizer empty (so that they are not held twice).
    public func takeTotals() -> ReportTotals {
        counted.add(audit: audit)
        audit = AuditTally()
        defer { counted = ReportTotals() }
        return counted
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
