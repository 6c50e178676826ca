import Foundation

extension ReportReader {
    /// Streams every report in one e-mail message to `handler`: the bytes a mail hook, a milter or an SMTP server
    /// is handed.
    ///
    /// `read(_:name:into:)` reads messages and mbox files too, telling them by their content; this one takes the
    /// bytes to be one message whatever they start with, and skips the `From ` line that delivery agents such as
    /// procmail or Postfix's `pipe` put first. Every part that carries a report is read as a file would be, named
    /// by its file name in origins (`name: google.com!example.com!1735689600!1735775999.zip`). A message without
    /// an aggregate report is no error: `handler` gets one warning and nothing else.
    ///
    /// ```swift
    /// let message = FileHandle.standardInput.readDataToEndOfFile()
    /// ReportReader().read(message: message, name: "incoming", into: handler)
    /// ```
    public func read(message bytes: some DataProtocol, name: String, into handler: some ReportHandler) {
        let origin = ReportOrigin(file: name)
        let stream = ReportStream(handler: handler)
        var message = [UInt8](bytes)[...]
        if message.starts(with: "From ".utf8) {
            message = message[message.line(at: message.startIndex).next...]
        }
        guard message.count <= limits.maxDecompressedBytes else {
            stream.fail(DMARCError(.limitExceeded(.decompressedBytes, limit: limits.maxDecompressedBytes), at: origin))
            return
        }
        let context = ReadingContext(stream: stream, limits: limits, content: content)
        MailMessageSink(context: context, origin: origin, nesting: 0).read(message)
    }

    /// Every report in one e-mail message, whole: empty when the message holds none. Throws the first problem met.
    public func reports(inMessage bytes: some DataProtocol, name: String = "<message>") throws(DMARCError)
        -> [AggregateReport] {
        let collector = ReportCollector()
        read(message: bytes, name: name, into: collector)
        if let error = collector.errors.first { throw error }
        return collector.reports
    }
}
