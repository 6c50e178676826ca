import Foundation

/// A zip archive that is a regular file, read where it lies with `pread`: its end records from the file's tail,
/// its directory in windows, each member's data in pieces. Memory stays at one buffer of `largestRead` bytes
/// whatever the archive's size (a 22 MB archive held whole was most of the peak when reading it).
///
/// Not `mmap`: a file truncated while mapped kills the process with SIGBUS. Here a read that comes back short is
/// an error naming the file (`Problem.unreadable`), never a trap or a wait.
final class ZipFileBytes: ZipByteSource {
    /// The size `fstat` gave when reading began: every offset the archive states is checked against it.
    let count: Int
    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer

    /// 256 KiB: more than a central directory entry can take (46 + 3 × 65,535 bytes), so that a window always holds
    /// a whole entry; and a member's data goes to zlib in pieces of this size.
    static let readSize = 256 << 10

    /// `descriptor` (kept open by the caller while this is used) is a regular file of `size` bytes.
    init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        count = size
        buffer = .allocate(byteCount: Self.readSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    var largestRead: Int { Self.readSize }

    func bytes(at offset: Int, count wanted: Int) throws(ZipDirectory.Problem) -> UnsafeRawBufferPointer {
        precondition(offset >= 0 && wanted >= 0 && wanted <= buffer.count && wanted <= count - offset,
                     "a zip read outside the archive or larger than the buffer")
        var done = 0
        while done < wanted {
            let got = pread(descriptor, buffer.baseAddress! + done, wanted - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            guard got > 0 else {
                throw .unreadable("the file ends at byte \(offset + done), not \(count) as when reading began "
                                  + "(truncated while read?)")
            }
            done += got
        }
        return UnsafeRawBufferPointer(rebasing: buffer[..<wanted])
    }
}
