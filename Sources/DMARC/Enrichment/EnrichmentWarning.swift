/// A problem with outside data that enriches sources (an IP database, reverse DNS): the run goes on without that
/// data, and the exit status still speaks only of the reports.
public struct EnrichmentWarning: Sendable, Hashable, CustomStringConvertible {
    /// What the data came from: a file path, or `reverse DNS`.
    public var source: String
    public var message: String

    public init(_ message: String, in source: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): warning: \(message)" }
}
