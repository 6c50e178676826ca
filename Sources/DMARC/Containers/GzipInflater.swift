internal import CDMARCZlib

/// Inflates a gzip stream as it arrives: several members in a row, and bytes after the last member ignored
/// (Mimecast appends CRLF). The output goes on to another sink, so gzip inside gzip works too.
final class GzipInflater: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let downstream: any ByteSink
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 128 << 10, alignment: 16)
    private var betweenMembers = false
    private var ignoredTrailingBytes = 0
    private var trailingBytesAreBlank = true

    init(context: ReadingContext, origin: ReportOrigin, downstream: any ByteSink) {
        self.context = context
        self.origin = origin
        self.downstream = downstream
        stream.initialize(to: z_stream())
        // 15 + 32: a window of 32 KiB, and the gzip or zlib header detected automatically.
        let status = cdmarc_inflateInit2(stream, 15 + 32)
        precondition(status == Z_OK, "zlib could not allocate an inflater")
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
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
                inflateReset(stream)
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
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = CDMARCZlib.inflate(stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 {
                try context.chargeDecompressed(produced, at: origin)
                try downstream.write(UnsafeRawBufferPointer(rebasing: output[..<produced]))
            }
            switch status {
            case Z_STREAM_END:
                betweenMembers = true
                return input.count - Int(stream.pointee.avail_in)
            case Z_OK, Z_BUF_ERROR:
                if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 { return input.count }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw DMARCError(.corruptGzip(message), at: origin)
            }
        }
    }

    private func noteTrailing(_ bytes: Slice<UnsafeRawBufferPointer>) {
        ignoredTrailingBytes += bytes.count
        if trailingBytesAreBlank && !bytes.allSatisfy({ $0 == 0 || $0.isXMLWhitespace }) {
            trailingBytesAreBlank = false
        }
    }
}
