extension ReportReader {
    /// Reads files on `jobs` threads, each thread through its own `ReportCounter` into its own view made by
    /// `makeView`, all sharing one `ReportRegistry`; gives each file's summary to `consume` in the order of
    /// `paths`, on the calling thread (for messages and progress). Merge the returned views for the totals.
    ///
    /// Memory grows with what the views keep, never with the number of files. Which copy of a report counts
    /// may depend on the threads; whether a report counts, and the totals of identical copies, do not.
    public func count<View: CountedReportHandler>(
        files paths: [String], jobs: Int, filter: ReportFilter, makeView: () -> View,
        _ consume: (Int, FileSummary) -> Void
    ) -> CountedRun<View> {
        let registry = ReportRegistry()
        let workers = WorkerCounters((0..<max(1, min(jobs, paths.count))).map { _ in
            ReportCounter(filter: filter, registry: registry, view: makeView())
        })
        let reader = self
        orderedParallelMap(count: paths.count, jobs: jobs, transform: { index, worker in
            let counter = workers.counters[worker]
            reader.read(path: paths[index], into: counter)
            return counter.takeFileSummary(path: paths[index])
        }, consume: consume)
        return CountedRun(views: workers.counters.map(\.view),
                          reportCount: workers.counters.reduce(0) { $0 + $1.reportCount },
                          duplicateCount: workers.counters.reduce(0) { $0 + $1.duplicateCount })
    }

    /// Reads files one after another on the calling thread, in the order of `paths`, through one
    /// `ReportCounter` into `view`: for views that print as they go. Same rule, same numbers as `count`.
    public func countInOrder<View: CountedReportHandler>(
        files paths: [String], filter: ReportFilter, view: View, _ consume: (Int, FileSummary) -> Void
    ) -> CountedRun<View> {
        let counter = ReportCounter(filter: filter, view: view)
        for (index, path) in paths.enumerated() {
            read(path: path, into: counter)
            consume(index, counter.takeFileSummary(path: path))
        }
        return CountedRun(views: [view], reportCount: counter.reportCount, duplicateCount: counter.duplicateCount)
    }

    /// Reads files on `jobs` threads and counts their reports in the order of `paths` (in a file, in read order):
    /// the same reports, the same copy of a duplicate (the first complete one in file order) and the same numbers
    /// as `countInOrder(files:filter:view:_:)` on one thread, for views that print in file order.
    ///
    /// Each reading thread has its own view (made by `makeView`), which gets `commitReport` for each report that
    /// counts unless a copy counts before it, and hands over what it made of one file's reports in `takeFile()`.
    /// On the calling thread, in file order, `commit` gets that with whether each of those reports counts (the
    /// duplicate rule, applied here), then `consume` gets the file's summary. At most `window` files are read
    /// ahead of `commit`, so memory is bounded by what a view holds per file times `window`.
    public func countInOrder<View: OrderedReportHandler>(
        files paths: [String], jobs: Int, window: Int, filter: ReportFilter, makeView: () -> View,
        commit: (View.FileShare, [Bool]) -> Void, _ consume: (Int, FileSummary) -> Void
    ) -> CountedRun<View> {
        let registry = ReportRegistry()
        let workers = WorkerCounters((0..<max(1, min(jobs, paths.count))).map { _ in
            ReportCounter(filter: filter, registry: registry, view: makeView(), decidesDuplicates: false)
        })
        // Claims keys for the workers' complete reports, in file order; its own view is never called.
        let settler = ReportCounter(filter: filter, registry: registry, view: makeView())
        let reader = self
        orderedParallelMap(count: paths.count, jobs: jobs, window: window, transform: { index, worker in
            let counter = workers.counters[worker]
            reader.read(path: paths[index], into: counter)
            return FileRead(summary: counter.takeFileSummary(path: paths[index]), completed: counter.takeCompleted(),
                            share: counter.view.takeFile())
        }, consume: { index, file in
            var summary = file.summary
            commit(file.share, settler.settle(file.completed, into: &summary))
            consume(index, summary)
        })
        return CountedRun(views: workers.counters.map(\.view), reportCount: settler.reportCount,
                          duplicateCount: settler.duplicateCount)
    }

    /// The summary views: reads files on `jobs` threads into one `ReportTotals` (see `count`).
    public func summarize(
        files paths: [String], jobs: Int, filter: ReportFilter, details: SummaryDetails,
        _ consume: (Int, FileSummary) -> Void
    ) -> ReportTotals {
        let run = count(files: paths, jobs: jobs, filter: filter, makeView: { ReportSummarizer(details: details) },
                        consume)
        var totals = ReportTotals()
        for summarizer in run.views { totals.merge(summarizer.takeTotals()) }
        totals.duplicateCount = run.duplicateCount
        return totals
    }

    /// Any `ReportAggregator` over files on `jobs` threads (see `count`): the totals of the reports that count.
    public func aggregate<Aggregate: ReportAggregator>(
        files paths: [String], jobs: Int, filter: ReportFilter, as type: Aggregate.Type = Aggregate.self,
        _ consume: (Int, FileSummary) -> Void
    ) -> (totals: Aggregate, reportCount: Int, duplicateCount: Int) {
        let run = count(files: paths, jobs: jobs, filter: filter, makeView: { AggregatingView<Aggregate>() }, consume)
        var totals = Aggregate()
        for view in run.views { totals.merge(view.takeTotals()) }
        return (totals, run.reportCount, run.duplicateCount)
    }
}

/// One counter per worker thread; each is touched by its own thread only, and read after all have finished
/// (`orderedParallelMap` returns once every transform has).
private final class WorkerCounters<View: CountedReportHandler>: @unchecked Sendable {
    let counters: [ReportCounter<View>]

    init(_ counters: [ReportCounter<View>]) {
        self.counters = counters
    }
}

/// What a reading thread made of one file for `countInOrder(files:jobs:window:…)`.
private struct FileRead<Share: Sendable>: Sendable {
    var summary: FileSummary
    var completed: [(key: ReportKey, origin: ReportOrigin)]
    var share: Share
}
