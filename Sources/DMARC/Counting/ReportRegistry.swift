/// The reports counted so far, shared by the counters of every thread of a run: the first complete report to
/// claim its key counts, any later copy is a duplicate.
///
/// Only `ReportCounter` claims, and only when a report has been read to its end, so a broken copy never takes
/// the key from a good one, whatever the order or the number of threads.
public final class ReportRegistry: Sendable {
    /// Digests, not keys: a folder of 100,000 reports would otherwise hold 300,000 strings.
    private let claimed = Locked<Set<ReportKey.Digest>>([])

    public init() {}

    /// True the first time a key is claimed.
    public func claim(_ key: ReportKey) -> Bool {
        claimed.withLock { $0.insert(key.digest).inserted }
    }
}
