/// A view read on several threads and printed in file order (`ReportReader.countInOrder(files:jobs:window:…)`).
///
/// On its reading thread it is a `CountedReportHandler` whose `commitReport` means "counts, unless a copy of it
/// counts before it in file order": the duplicate rule waits for the file order, on the calling thread. It keeps
/// what it made of a file's committed reports (their rows, encoded) apart per report, and hands them over with
/// `takeFile()` after each file; the caller then keeps the reports that count and drops the duplicates.
public protocol OrderedReportHandler: CountedReportHandler {
    /// What one file's committed reports became, in commit order.
    associatedtype FileShare: Sendable
    /// Hands over what the reports committed since the last call became, starting afresh.
    func takeFile() -> FileShare
}
