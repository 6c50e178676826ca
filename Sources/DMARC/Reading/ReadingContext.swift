import Synchronization

/// What every stage of one input needs to know: the limits, what to read of each record, and the one
/// `ReportStream` where reports go. The origin and the nesting depth travel with each stage.
final class ReadingContext {
    /// Where every report, record and problem of the input goes (the only way to the caller's handler).
    let stream: ReportStream
    let limits: ReadingLimits
    let content: RecordContent
    /// Whether an outer gzip stream is inflated on a thread of its own while its content is parsed.
    let overlapsDecompression: Bool
    /// Whether a large XML document is parsed on several threads (nil: on one).
    let splitting: DocumentSplitting?
    /// Bytes all decompression layers of this input produced so far (layers may run on two threads).
    private let decompressedBytes = Atomic<Int>(0)
    /// Bytes all decompression layers of this input were given to decode, for the compression ratio.
    private let compressedBytes = Atomic<Int>(0)

    init(stream: ReportStream, limits: ReadingLimits, content: RecordContent = .complete,
         overlapsDecompression: Bool = false, splitting: DocumentSplitting? = nil) {
        self.stream = stream
        self.limits = limits
        self.content = content
        self.overlapsDecompression = overlapsDecompression
        self.splitting = splitting
    }

    /// A context for the same input with a fresh decompression budget (one message of an mbox).
    func withFreshBudget() -> ReadingContext {
        ReadingContext(stream: stream, limits: limits, content: content, splitting: splitting)
    }

    /// Appends a chunk to a container held whole (a zip, a mail message), within `maxDecompressedBytes`.
    func collect(_ chunk: UnsafeRawBufferPointer, into buffer: inout [UInt8], at origin: ReportOrigin) throws(DMARCError) {
        try checkContainerSize(buffer.count + chunk.count, at: origin)
        buffer.append(contentsOf: chunk)
    }

    /// A container of `size` bytes may be read as a whole (collected, or a zip file read where it lies) only within
    /// `maxDecompressedBytes`: the same ceiling whether it is held in memory or not.
    func checkContainerSize(_ size: Int, at origin: ReportOrigin) throws(DMARCError) {
        guard size <= limits.maxDecompressedBytes else {
            throw DMARCError(.limitExceeded(.decompressedBytes, limit: limits.maxDecompressedBytes), at: origin)
        }
    }

    /// Counts input that a layer is about to decode (gzip or deflate data, a base64 part), before its output is
    /// charged: the ratio compares what all layers produced with what they were given.
    func chargeCompressed(_ count: Int) {
        compressedBytes.add(count, ordering: .relaxed)
    }

    /// Counts decompressed output against `maxDecompressedBytes` and, past `ratioGuardBytes`, against
    /// `maxCompressionRatio` times the compressed bytes charged so far.
    func chargeDecompressed(_ count: Int, at origin: ReportOrigin) throws(DMARCError) {
        let total = decompressedBytes.add(count, ordering: .relaxed).newValue
        if total > limits.maxDecompressedBytes {
            throw DMARCError(.limitExceeded(.decompressedBytes, limit: limits.maxDecompressedBytes), at: origin)
        }
        guard total > limits.ratioGuardBytes else { return }
        let (allowed, overflow) = compressedBytes.load(ordering: .relaxed)
            .multipliedReportingOverflow(by: limits.maxCompressionRatio)
        if !overflow && total > allowed {
            throw DMARCError(.limitExceeded(.compressionRatio, limit: limits.maxCompressionRatio), at: origin)
        }
    }
}
