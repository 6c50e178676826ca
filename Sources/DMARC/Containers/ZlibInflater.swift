internal import CDMARCZlib

/// zlib's inflate, and the one file that calls zlib: the gzip reader and the zip reader both inflate through it.
///
/// The `z_stream` is allocated on the heap and stays there for the inflater's whole life (zlib keeps pointers
/// into it); `inflate(_:into:)` is the one loop over `inflate()` and the one switch over its return codes.
final class ZlibInflater {
    enum Format {
        /// A gzip or zlib stream, its header detected (window bits 15 + 32).
        case gzipOrZlib
        /// Raw deflate, as in a zip member (window bits -15).
        case rawDeflate
    }

    /// What one call used of its input.
    struct Progress {
        /// Input bytes used; fewer than given only when the stream ended (or no progress was possible).
        var consumed: Int
        /// The deflate stream reached its end (for gzip: the end of one member).
        var ended: Bool
    }

    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output: UnsafeMutableRawBufferPointer

    init(_ format: Format, outputChunk: Int = 128 << 10) {
        output = .allocate(byteCount: outputChunk, alignment: 16)
        stream.initialize(to: z_stream())
        let status = cdmarc_inflateInit2(stream, format == .gzipOrZlib ? 15 + 32 : -15)
        precondition(status == Z_OK, "zlib could not allocate an inflater")
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Starts over for the next stream (the next gzip member), keeping the allocations.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates `input` until it is used up or the stream ends, handing each chunk of output to `body`. Throws
    /// what `body` throws, or `corrupt(zlib's message)` for data zlib refuses.
    func inflate(_ input: UnsafeRawBufferPointer, corrupt: (String) -> DMARCError,
                 into body: (UnsafeRawBufferPointer) throws(DMARCError) -> Void) throws(DMARCError) -> Progress {
        guard let base = input.baseAddress else { return Progress(consumed: 0, ended: false) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = CDMARCZlib.inflate(stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 {
                try body(UnsafeRawBufferPointer(rebasing: output[..<produced]))
            }
            let consumed = input.count - Int(stream.pointee.avail_in)
            switch status {
            case Z_STREAM_END:
                return Progress(consumed: consumed, ended: true)
            case Z_OK, Z_BUF_ERROR:
                // Output space left over means zlib wants more input (or, for Z_BUF_ERROR, can make no progress).
                if stream.pointee.avail_out != 0 && (stream.pointee.avail_in == 0 || status == Z_BUF_ERROR) {
                    return Progress(consumed: consumed, ended: false)
                }
            default:
                throw corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            }
        }
    }

    /// The CRC-32 of `bytes`, continuing `checksum` (0 to start).
    static func crc32(_ checksum: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress else { return checksum }
        return UInt32(truncatingIfNeeded: CDMARCZlib.crc32(uLong(checksum), base.assumingMemoryBound(to: Bytef.self),
                                                           uInt(bytes.count)))
    }
}
