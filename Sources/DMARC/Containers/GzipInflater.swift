/// Inflates a gzip stream as it arrives: several members in a row, and bytes after the last member ignored
/// (Mimecast appends CRLF). The output goes on to another sink, so gzip inside gzip works too.
final class GzipInflater: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let downstream: any ByteSink
    private let inflater = ZlibInflater(.gzipOrZlib)
    private var betweenMembers = false
    private var ignoredTrailingBytes = 0
    private var trailingBytesAreBlank = true

    init(context: ReadingContext, origin: ReportOrigin, downstream: any ByteSink) {
        self.context = context
        self.origin = origin
        self.downstream = downstream
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        context.chargeCompressed(chunk.count)
        do {
            try inflateAll(chunk)
        } catch {
            downstream.cancel()
            throw error
        }
    }

    func cancel() {
        downstream.cancel()
    }

    private func inflateAll(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        var input = chunk[...]
        while !input.isEmpty {
            if ignoredTrailingBytes > 0 || betweenMembers && input.first != 0x1F {
                noteTrailing(input)
                return
            }
            if betweenMembers {
                inflater.reset()
                betweenMembers = false
            }
            let consumed = try inflate(UnsafeRawBufferPointer(rebasing: input))
            input = input.dropFirst(consumed)
        }
    }

    func finish() throws(DMARCError) {
        guard betweenMembers || ignoredTrailingBytes > 0 else {
            downstream.cancel()
            throw DMARCError(.truncatedGzip, at: origin)
        }
        // Downstream first: it may run on another thread (OverlappingSink) until it has finished.
        try downstream.finish()
        if !trailingBytesAreBlank {
            context.stream.warn(DMARCWarning("ignored \(ignoredTrailingBytes) bytes after the gzip data", at: origin))
        }
    }

    /// Inflates until the input is used up or a member ends; returns how many input bytes were used.
    private func inflate(_ input: UnsafeRawBufferPointer) throws(DMARCError) -> Int {
        let progress = try inflater.inflate(input, corrupt: { DMARCError(.corruptGzip($0), at: origin) }) {
            (output: UnsafeRawBufferPointer) throws(DMARCError) in
            try context.chargeDecompressed(output.count, at: origin)
            try downstream.write(output)
        }
        if progress.ended {
            betweenMembers = true
        } else if progress.consumed < input.count {
            throw DMARCError(.corruptGzip("the deflate stream stops making progress"), at: origin)
        }
        return progress.consumed
    }

    private func noteTrailing(_ bytes: Slice<UnsafeRawBufferPointer>) {
        ignoredTrailingBytes += bytes.count
        if trailingBytesAreBlank && !bytes.allSatisfy({ $0 == 0 || $0.isXMLWhitespace }) {
            trailingBytesAreBlank = false
        }
    }
}
