@testable import DMARC

extension XMLDocumentSink {
    /// Writes `bytes` in chunks, `chunkSize(offset)` bytes from each offset on, then finishes the document; an error
    /// fails `stream`, as the reader does with what a stage throws.
    func read(_ bytes: [UInt8], failing stream: ReportStream, chunkSize: (_ offset: Int) -> Int) {
        do throws(DMARCError) {
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + max(1, chunkSize(offset)))
                try write(contentsOf: Array(bytes[offset..<end]))
                offset = end
            }
            try finish()
        } catch {
            stream.fail(error)
        }
    }
}
