/// A zip archive that arrives as a stream (inside another container, or on standard input): collected whole, as
/// zip keeps its directory at the end, then read from memory by `ZipArchiveReader`. A zip that is a regular file is
/// read where it lies instead (`ReadingContext.readZipFile`).
final class ZipArchiveSink: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let nesting: Int
    private var archiveBytes: [UInt8] = []

    init(context: ReadingContext, origin: ReportOrigin, nesting: Int) {
        self.context = context
        self.origin = origin
        self.nesting = nesting
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        try context.collect(chunk, into: &archiveBytes, at: origin)
    }

    func finish() throws(DMARCError) {
        let archive = archiveBytes
        archiveBytes = []
        var failure: DMARCError?
        archive.withUnsafeBytes { bytes in
            do throws(DMARCError) {
                try ZipArchiveReader(archive: ZipMemoryBytes(bytes), context: context, origin: origin,
                                     nesting: nesting).read()
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
