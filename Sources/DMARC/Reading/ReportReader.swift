import Foundation

/// Reads DMARC aggregate reports from files, standard input or memory.
///
/// The content decides how a file is read (zip, gzip, nested containers, plain XML), never its name. Reading
/// streams: records reach the handler one at a time, so memory does not grow with the size of a report.
///
/// ```swift
/// let reports = try ReportReader().reports(atPath: "google.com!example.com!1707264000!1707350399.zip")
/// for record in reports[0].records where record.failsDMARC(under: reports[0].policy) { print(record.sourceIP, record.count) }
/// ```
public struct ReportReader: Sendable {
    public var limits: ReadingLimits
    /// How much of each record to read.
    public var content: RecordContent
    /// Inflate a gzip file on a second thread while its XML is parsed: faster for one large file, pointless when
    /// several files are read at once already.
    public var overlapsDecompression = false
    /// Parse a large XML document on several threads (nil: one): faster for one large report, pointless when
    /// several files are read at once already.
    public var documentSplitting: DocumentSplitting?

    public init(limits: ReadingLimits = .init(), content: RecordContent = .complete) {
        self.limits = limits
        self.content = content
    }

    /// Streams every report in a file (`-`: standard input) to `handler`. Problems go to `handler.fail`.
    public func read(path: String, into handler: some ReportHandler) {
        let origin = ReportOrigin(file: path)
        let stream = ReportStream(handler: handler)
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            stream.fail(DMARCError(.unreadable(String(cString: strerror(errno))), at: origin))
            return
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let context = context(stream)
        let sink = ContentSniffer(context: context, origin: origin, nesting: 0)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
        defer { buffer.deallocate() }
        do throws(DMARCError) {
            var bytesRead = 0
            while true {
                let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    let message = String(cString: strerror(errno))
                    sink.cancel()
                    throw DMARCError(.unreadable(message), at: origin)
                }
                if count == 0 { break }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
                if bytesRead == 0 && descriptor != STDIN_FILENO, let size = Self.zipFileSize(descriptor, head: chunk) {
                    // Read where it lies, not collected: the first bytes read here are read again.
                    return try context.readZipFile(descriptor: descriptor, size: size, origin: origin)
                }
                bytesRead += count
                try sink.write(chunk)
            }
            try sink.finish()
        } catch {
            stream.fail(error)
        }
    }

    /// The size of the file open at `descriptor` when its first bytes (`head`) make it a zip archive that can be
    /// read where it lies: a regular file (not a pipe or a device), whose size `fstat` knows.
    private static func zipFileSize(_ descriptor: Int32, head: UnsafeRawBufferPointer) -> Int? {
        guard ContentKind(sniffing: Array(head.prefix(4))) == .zip else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              Int(status.st_size) >= head.count else { return nil }
        return Int(status.st_size)
    }

    /// Streams every report in `bytes` (a file's content, an attachment) to `handler`.
    public func read(_ bytes: some DataProtocol, name: String, into handler: some ReportHandler) {
        read(bytes, origin: ReportOrigin(file: name), into: handler)
    }

    /// Streams `bytes` as if they came from `origin` (a member or attachment of something larger).
    public func read(_ bytes: some DataProtocol, origin: ReportOrigin, into handler: some ReportHandler) {
        let stream = ReportStream(handler: handler)
        let sink = ContentSniffer(context: context(stream), origin: origin, nesting: 0)
        do throws(DMARCError) {
            for region in bytes.regions {
                try sink.write(contentsOf: region)
            }
            try sink.finish()
        } catch {
            stream.fail(error)
        }
    }

    /// The context of one input read into `stream`.
    func context(_ stream: ReportStream) -> ReadingContext {
        ReadingContext(stream: stream, limits: limits, content: content, overlapsDecompression: overlapsDecompression,
                       splitting: documentSplitting)
    }

    /// Every report in a file, whole. Throws the first problem met, if any.
    public func reports(atPath path: String) throws(DMARCError) -> [AggregateReport] {
        let collector = ReportCollector()
        read(path: path, into: collector)
        if let error = collector.errors.first { throw error }
        return collector.reports
    }

    /// Every report in `bytes`, whole. Throws the first problem met, if any.
    public func reports(in bytes: some DataProtocol, name: String = "<data>") throws(DMARCError) -> [AggregateReport] {
        let collector = ReportCollector()
        read(bytes, name: name, into: collector)
        if let error = collector.errors.first { throw error }
        return collector.reports
    }
}
