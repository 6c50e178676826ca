/// A zip archive's bytes, by offset: the one way `ZipDirectory` and `ZipArchiveReader` see an archive, so that there
/// is one zip reader whether the archive is held in memory (`ZipMemoryBytes`: a zip inside another container, or
/// read from standard input) or is a regular file read where it lies (`ZipFileBytes`, never held whole).
///
/// Callers check every offset and size an archive states against `count` before they ask for the bytes there.
protocol ZipByteSource {
    /// The archive's size in bytes.
    var count: Int { get }
    /// The most bytes one call of `bytes(at:count:)` may ask for: the size of the windows the directory is read
    /// in and of the pieces a member's data is streamed in.
    var largestRead: Int { get }
    /// The `count` bytes at `offset` (which lie within the archive; `count` at most `largestRead`), valid until the
    /// next call. Throws `.unreadable` only, when the bytes could not be read (a file truncated while read).
    func bytes(at offset: Int, count: Int) throws(ZipDirectory.Problem) -> UnsafeRawBufferPointer
}

/// An archive held in memory: every read is a view of it, nothing is copied.
struct ZipMemoryBytes: ZipByteSource {
    private let archive: UnsafeRawBufferPointer

    /// `archive` must stay valid while this is used.
    init(_ archive: UnsafeRawBufferPointer) {
        self.archive = archive
    }

    var count: Int { archive.count }

    /// zlib counts input in 32 bits: a larger member goes to it in pieces of 1 GiB.
    var largestRead: Int { 1 << 30 }

    func bytes(at offset: Int, count: Int) throws(ZipDirectory.Problem) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: archive[offset..<(offset + count)])
    }
}
