import Foundation

/// A stage of the reading pipeline: takes a stream of bytes, one chunk at a time.
///
/// A file flows through a chain of sinks: content sniffing, decompression, and at the end the XML parser.
/// Errors are thrown as `DMARCError` and end the chain. A stage never builds the next one itself: it asks its
/// `ReadingContext` (`stage(for:head:origin:nesting:)`, `sniffer(origin:nesting:)`).
protocol ByteSink: AnyObject {
    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError)
    /// The stream is complete.
    func finish() throws(DMARCError)
    /// The stream will not be completed: the writer failed. Stages that run work elsewhere stop it.
    func cancel()
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
