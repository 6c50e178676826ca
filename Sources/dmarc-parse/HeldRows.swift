import Foundation

/// The printed rows of one file's reports, held until the reports are known to count: in memory up to
/// `memoryLimit` bytes, beyond that in an anonymous temporary file (gone when closed), so a million-record report
/// stays in bounded memory. Rows are appended report after report; a report that turns out not to count is cut
/// off the end (`truncate`), and the byte ranges of those that count are written out later, on another thread.
///
/// @unchecked Sendable: one thread fills it, then hands it whole (through `orderedParallelMap`'s lock) to the
/// thread that writes it out; never both at once.
final class HeldRows: @unchecked Sendable {
    /// Bytes kept in memory before they go to the temporary file.
    let memoryLimit: Int
    /// The bytes after the `spilled` first ones, which are in `file`.
    private var bytes: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?
    private var spilled = 0

    /// `capacity`: the bytes to expect (a file like the one before), reserved up front so the buffer does not
    /// grow by copies as the rows come.
    init(memoryLimit: Int = 4 << 20, capacity: Int = 0) {
        self.memoryLimit = memoryLimit
        bytes.reserveCapacity(min(capacity, memoryLimit))
    }

    /// Bytes held.
    var size: Int { spilled + bytes.count }

    /// One row, encoded.
    func append(_ row: [UInt8]) {
        bytes.append(contentsOf: row)
        if bytes.count >= memoryLimit { spill() }
    }

    /// One row, encoded by `body` with `encoder` straight onto the held bytes, without a copy of the row.
    func append(encodedWith encoder: inout RowEncoder, _ body: (inout RowEncoder) -> Void) {
        encoder.encode(appendingTo: &bytes, body)
        if bytes.count >= memoryLimit { spill() }
    }

    /// Forgets every byte from `size` on (the rows of a report that does not count).
    func truncate(to size: Int) {
        if size >= spilled {
            bytes.removeSubrange((size - spilled)...)
        } else {
            // The next spill writes from here on; what the file holds beyond is never read.
            bytes.removeAll(keepingCapacity: true)
            spilled = size
        }
    }

    /// Prints the bytes of `range` (the rows of reports that count).
    func write(_ range: Range<Int>, to output: StandardOutput) {
        var start = range.lowerBound
        if start < spilled, let file {
            let end = min(range.upperBound, spilled)
            if fseeko(file, off_t(start), SEEK_SET) != 0 { fail("cannot read back the held records") }
            var chunk = [UInt8](repeating: 0, count: min(1 << 20, end - start))
            while start < end {
                let wanted = min(chunk.count, end - start)
                let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, wanted, file) }
                guard read > 0 else { fail("cannot read back the held records") }
                output.write(chunk[..<read])
                start += read
            }
        }
        guard range.upperBound > spilled else { return }
        let lower = start - spilled, upper = range.upperBound - spilled
        if lower == 0 && upper == bytes.count {
            output.write(bytes)  // the common case: every report of the file counts; no copy of a large block
        } else {
            output.write(bytes[lower..<upper])
        }
    }

    /// Forgets every row held and closes the temporary file.
    func close() {
        if let file { fclose(file) }
        file = nil
        spilled = 0
        bytes = []
    }

    deinit {
        close()
    }

    private func spill() {
        if file == nil {
            file = tmpfile()
            // Without a temporary file the rows stay in memory: slower to hold, never lost.
            guard file != nil else { return }
        }
        // After a `truncate` into the file, write over what it cut off.
        guard fseeko(file, off_t(spilled), SEEK_SET) == 0 else { fail("cannot write held records to a temporary file") }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else { fail("cannot write held records to a temporary file") }
        spilled += written
        bytes.removeAll(keepingCapacity: true)
    }

    /// A temporary file that cannot be written or read back: stop loudly rather than print part of a report.
    private func fail(_ reason: String) -> Never {
        FileHandle.standardError.write(Data("dmarc-parse: \(reason): \(String(cString: strerror(errno)))\n".utf8))
        exit(1)
    }
}
