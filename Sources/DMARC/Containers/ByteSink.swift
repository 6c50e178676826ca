import Foundation
import Synchronization

/// A stage of the reading pipeline: takes a stream of bytes, one chunk at a time.
///
/// A file flows through a chain of sinks: content sniffing, decompression, and at the end the XML parser.
/// Errors are thrown as `DMARCError` and end the chain.
protocol ByteSink: AnyObject {
    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError)
    /// The stream is complete.
    func finish() throws(DMARCError)
    /// The stream will not be completed: the writer failed. Stages that run work elsewhere stop it.
    func cancel()
}

/// What every stage of one input needs to know: where it is, the limits, and where reports go.
final class ReadingContext {
    let handler: any ReportHandler
    let limits: ReadingLimits
    let content: RecordContent
    /// Whether an outer gzip stream is inflated on a thread of its own while its content is parsed.
    let overlapsDecompression: Bool
    /// Bytes all decompression layers of this input produced so far (layers may run on two threads).
    private let decompressedBytes = Atomic<Int>(0)

    init(handler: any ReportHandler, limits: ReadingLimits, content: RecordContent = .complete,
         overlapsDecompression: Bool = false) {
        self.handler = handler
        self.limits = limits
        self.content = content
        self.overlapsDecompression = overlapsDecompression
    }

    /// Appends a chunk to a container held whole (a zip, a mail message), within `maxDecompressedBytes`.
    func collect(_ chunk: UnsafeRawBufferPointer, into buffer: inout [UInt8], at origin: ReportOrigin) throws(DMARCError) {
        guard buffer.count + chunk.count <= limits.maxDecompressedBytes else {
            throw DMARCError(.limitExceeded(.decompressedBytes, limit: limits.maxDecompressedBytes), at: origin)
        }
        buffer.append(contentsOf: chunk)
    }

    /// Counts decompressed output against `maxDecompressedBytes`.
    func chargeDecompressed(_ count: Int, at origin: ReportOrigin) throws(DMARCError) {
        if decompressedBytes.add(count, ordering: .relaxed).newValue > limits.maxDecompressedBytes {
            throw DMARCError(.limitExceeded(.decompressedBytes, limit: limits.maxDecompressedBytes), at: origin)
        }
    }
}

extension ByteSink {
    func cancel() {}

    /// Writes bytes held in any contiguous storage (`[UInt8]`, `Data`).
    func write(contentsOf bytes: some ContiguousBytes) throws(DMARCError) {
        var failure: DMARCError?
        bytes.withUnsafeBytes { chunk in
            do throws(DMARCError) { try write(chunk) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
