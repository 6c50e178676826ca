import Foundation

/// A stage of the reading pipeline: takes a stream of bytes, one chunk at a time.
///
/// A file flows through a chain of sinks: content sniffing, decompression, and at the end the XML parser.
/// Errors are thrown as `DMARCError` and end the chain.
protocol ByteSink: AnyObject {
    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError)
    /// The stream is complete.
    func finish() throws(DMARCError)
}

/// What every stage of one input needs to know: where it is, the limits, and where reports go.
final class ReadingContext {
    let handler: any ReportHandler
    let limits: ReadingLimits
    let content: RecordContent
    /// Bytes all decompression layers of this input produced so far.
    private var decompressedBytes = 0

    init(handler: any ReportHandler, limits: ReadingLimits, content: RecordContent = .complete) {
        self.handler = handler
        self.limits = limits
        self.content = content
    }

    /// Counts decompressed output against `maxDecompressedBytes`.
    func chargeDecompressed(_ count: Int, at origin: ReportOrigin) throws(DMARCError) {
        decompressedBytes += count
        if decompressedBytes > limits.maxDecompressedBytes {
            throw DMARCError(.limitExceeded(.decompressedBytes, limit: limits.maxDecompressedBytes), at: origin)
        }
    }
}

extension ByteSink {
    /// Writes bytes held in any contiguous storage (`[UInt8]`, `Data`).
    func write(contentsOf bytes: some ContiguousBytes) throws(DMARCError) {
        var failure: DMARCError?
        bytes.withUnsafeBytes { chunk in
            do throws(DMARCError) { try write(chunk) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
