import Foundation

/// One report's printed rows, held until the report is known to count: in memory up to `memoryLimit` bytes,
/// beyond that in an anonymous temporary file (gone when closed), so a million-record report stays in bounded
/// memory. Released (printed) or discarded whole.
final class HeldRows {
    /// Bytes kept in memory before they go to the temporary file.
    let memoryLimit: Int
    /// Rows held.
    private(set) var count = 0
    private var bytes: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?

    init(memoryLimit: Int = 4 << 20) {
        self.memoryLimit = memoryLimit
    }

    func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        count += 1
        if bytes.count >= memoryLimit { spill() }
    }

    /// One row, encoded.
    func append(_ row: [UInt8]) {
        bytes.append(contentsOf: row)
        count += 1
        if bytes.count >= memoryLimit { spill() }
    }

    /// Prints every row held, in order, and forgets them.
    func release(to output: StandardOutput) {
        if let file {
            rewind(file)
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                guard read > 0 else { break }
                output.write(chunk[..<read])
            }
            if ferror(file) != 0 { fail("cannot read back the held records") }
        }
        output.write(bytes)
        discard()
    }

    /// Forgets every row held.
    func discard() {
        if let file { fclose(file) }
        file = nil
        count = 0
        bytes.removeAll(keepingCapacity: bytes.capacity <= memoryLimit * 2)
    }

    private func spill() {
        if file == nil {
            file = tmpfile()
            // Without a temporary file the rows stay in memory: slower to hold, never lost.
            guard file != nil else { return }
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else { fail("cannot write held records to a temporary file") }
        bytes.removeAll(keepingCapacity: true)
    }

    /// A temporary file that cannot be written or read back: stop loudly rather than print part of a report.
    private func fail(_ reason: String) -> Never {
        FileHandle.standardError.write(Data("dmarc-parse: \(reason): \(String(cString: strerror(errno)))\n".utf8))
        exit(1)
    }
}
