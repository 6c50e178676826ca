/// What a counted run gives beside its views: the numbers of the closing line, the same for every view.
public struct CountedRun<View>: @unchecked Sendable {
    /// One view per thread that read (one for a run in order); merge them for the totals.
    public var views: [View]
    /// Reports that counted, over all threads.
    public var reportCount: Int
    /// Complete copies of a report that counted, skipped.
    public var duplicateCount: Int
}
