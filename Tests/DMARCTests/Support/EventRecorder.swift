import DMARC

/// A `ReportHandler` that writes down the calls it gets, to check the streaming contract.
final class EventRecorder: ReportHandler {
    private(set) var events: [String] = []

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        events.append("begin \(header.metadata.reportID)")
    }

    func record(_ record: Record) { events.append("record \(record.sourceIP) \(record.count)") }
    func endReport(_ header: ReportHeader) { events.append("end \(header.metadata.reportID)") }
    func fail(_ error: DMARCError) { events.append("fail \(error.reason)") }
    func warn(_ warning: DMARCWarning) { events.append("warn \(warning.message)") }
}
