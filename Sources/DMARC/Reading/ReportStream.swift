/// The one way out of the reader: the only type that talks to the caller's `ReportHandler`, and the one place
/// that keeps a report's life in order, `beginReport → record* → endReport`, or `fail`.
///
/// Stages below it (containers, the XML layer) hand it what they read; none of them calls the handler. A report
/// that begun and is not ended when an error comes is failed, never ended; a record or an end without a begun
/// report is a bug in a stage and goes nowhere.
final class ReportStream {
    private let handler: any ReportHandler
    /// Whether a report has begun and has been neither ended nor failed.
    private(set) var isOpen = false

    init(handler: any ReportHandler) {
        self.handler = handler
    }

    /// A report starts (a report left open is failed first: a stage forgot to end it).
    func begin(_ header: ReportHeader, origin: ReportOrigin) {
        assert(!isOpen, "a report began before the last one ended")
        isOpen = true
        handler.beginReport(header, origin: origin)
    }

    /// The next record of the open report.
    @inline(__always)
    func record(_ record: Record) {
        guard isOpen else { return assertionFailure("a record outside a report") }
        handler.record(record)
    }

    /// The open report was read to its end.
    func end(_ header: ReportHeader) {
        guard isOpen else { return assertionFailure("a report ended that never began") }
        isOpen = false
        handler.endReport(header)
    }

    /// A report, or the whole input, could not be read: the open report, if any, ends here.
    func fail(_ error: DMARCError) {
        isOpen = false
        handler.fail(error)
    }

    /// Something odd that did not stop the reading.
    func warn(_ warning: DMARCWarning) {
        handler.warn(warning)
    }
}
