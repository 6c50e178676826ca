/// The counting rule, in one place: the `ReportHandler` every view reads through.
///
/// It passes on to its view only what counts:
/// - the filter: reports it admits (policy domain, reporter, period), and of those the records it admits;
/// - the failure rule: a report that fails (truncated, broken XML, a limit) contributes nothing;
/// - the duplicate rule: a report counts when it *ends*, if no complete report with the same key counted before
///   (claimed in the shared `ReportRegistry` then, never at its beginning, so a broken copy masks nothing);
/// - a report a record filter (`--failing`, `--include-ips`, `--exclude-ips`) left without records does not count.
///
/// One counter per thread; counters of one run share a registry. Not thread-safe itself.
///
/// A counter made to leave the duplicate rule to its caller (`decidesDuplicates` false, for
/// `ReportReader.countInOrder(files:jobs:filter:makeView:commit:_:)`) commits every other report that would count
/// and lists it in `takeCompleted()`; the caller then claims the keys in file order through `settle`.
public final class ReportCounter<View: CountedReportHandler>: ReportHandler {
    public let filter: ReportFilter
    public let registry: ReportRegistry
    /// False: the duplicate rule is applied later, in file order, by `settle` (see above).
    let decidesDuplicates: Bool
    /// The reports committed without the duplicate rule since the last `takeCompleted()`, in read order.
    private var completed: [(key: ReportKey, origin: ReportOrigin)] = []
    /// Where the reports that count go.
    public let view: View
    /// Reports counted, and copies of counted reports skipped, since this counter was made.
    public private(set) var reportCount = 0
    public private(set) var duplicateCount = 0
    /// Problems and the count of reports since the last `takeFileSummary(path:)`.
    private var errors: [DMARCError] = []
    private var warnings: [DMARCWarning] = []
    private var reportsCountedInFile = 0
    private var reportsReadInFile = 0
    private var duplicateOriginsInFile: [ReportOrigin] = []
    /// Where the current report comes from, to name it if it turns out a duplicate.
    private var origin = ReportOrigin(file: "")
    /// Whether the current report is admitted, and how many of its records were.
    private var isOpen = false
    private var recordsAdmitted = 0
    /// The policy of the current report, whose alignment judges a record `--failing` keeps (see `DMARCOutcome`).
    private var policy = PolicyPublished()

    public convenience init(filter: ReportFilter = .init(), registry: ReportRegistry = .init(), view: View) {
        self.init(filter: filter, registry: registry, view: view, decidesDuplicates: true)
    }

    init(filter: ReportFilter, registry: ReportRegistry, view: View, decidesDuplicates: Bool) {
        self.filter = filter
        self.registry = registry
        self.view = view
        self.decidesDuplicates = decidesDuplicates
    }

    public func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        if isOpen { view.discardReport() }  // a reader never does this; kept safe for hand-made callers
        isOpen = filter.admits(header)
        recordsAdmitted = 0
        self.origin = origin
        policy = header.policy
        if isOpen { view.beginReport(header, origin: origin) }
    }

    public func record(_ record: Record) {
        // Only a record filter reads the policy (a copy of it per record cost more than the rest of this).
        guard isOpen, !filter.filtersRecords || filter.admits(record, policy: policy) else { return }
        recordsAdmitted += 1
        view.record(record)
    }

    public func endReport(_ header: ReportHeader) {
        reportsReadInFile += 1
        guard isOpen else { return }
        isOpen = false
        // The final header decides (a reader may learn the period only after the first record).
        guard filter.admits(header), recordsAdmitted > 0 || !filter.filtersRecords else {
            view.discardReport()
            return
        }
        guard decidesDuplicates else {
            completed.append((ReportKey(header), origin))
            view.commitReport(header)
            return
        }
        guard registry.claim(ReportKey(header)) else {
            duplicateCount += 1
            duplicateOriginsInFile.append(origin)
            view.discardReport()
            return
        }
        reportCount += 1
        reportsCountedInFile += 1
        view.commitReport(header)
    }

    public func fail(_ error: DMARCError) {
        if isOpen { view.discardReport() }
        isOpen = false
        errors.append(error)
    }

    public func warn(_ warning: DMARCWarning) {
        warnings.append(warning)
    }

    /// The reports committed without the duplicate rule since the last call, in read order.
    func takeCompleted() -> [(key: ReportKey, origin: ReportOrigin)] {
        defer { completed = [] }
        return completed
    }

    /// The duplicate rule for reports a counter that leaves it to its caller completed (`takeCompleted()`), applied
    /// in the order given: whether each counts, with `summary` (of the file they came from) and the run's numbers
    /// updated as `endReport` would have.
    func settle(_ reports: [(key: ReportKey, origin: ReportOrigin)], into summary: inout FileSummary) -> [Bool] {
        reports.map { report in
            guard registry.claim(report.key) else {
                duplicateCount += 1
                summary.duplicateOrigins.append(report.origin)
                return false
            }
            reportCount += 1
            summary.reportsCounted += 1
            return true
        }
    }

    /// What reading one file gave (its problems and the reports it added), clearing them for the next file.
    public func takeFileSummary(path: String) -> FileSummary {
        defer {
            errors = []
            warnings = []
            reportsCountedInFile = 0
            reportsReadInFile = 0
            duplicateOriginsInFile = []
        }
        return FileSummary(path: path, reportsCounted: reportsCountedInFile, errors: errors, warnings: warnings,
                           reportsRead: reportsReadInFile, duplicateOrigins: duplicateOriginsInFile)
    }
}
