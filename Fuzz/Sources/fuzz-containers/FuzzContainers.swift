import DMARC
import Foundation
import FuzzSupport

/// Container detection and decompression: any bytes, read as a file would be (sniffing, gzip, zip, mail, XML).
/// A zip is also written to a file and read by path, where it is read where it lies (`pread`) instead of from
/// memory: the two must give the same reports, errors and warnings.
@main
enum FuzzContainers {
    /// The file zips are written to, one per process (libFuzzer runs one input at a time).
    static let scratchPath = NSTemporaryDirectory() + "fuzz-containers-\(getpid()).zip"

    static func main() {
        FuzzSupport.runFuzzer { data, size in
            let bytes = UnsafeRawBufferPointer(start: data, count: size)
            guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
                let handler = DiscardingHandler()
                ReportReader(limits: FuzzSupport.limits).read(bytes, name: "fuzz", into: handler)
                handler.checkEnded()
                return 0
            }
            let path = FuzzContainers.scratchPath
            let fromMemory = RecordingHandler()
            ReportReader(limits: FuzzSupport.limits).read(bytes, name: path, into: fromMemory)
            fromMemory.checkEnded()
            precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
            let fromFile = RecordingHandler()
            ReportReader(limits: FuzzSupport.limits).read(path: path, into: fromFile)
            fromFile.checkEnded()
            unlink(path)
            precondition(fromFile.events == fromMemory.events,
                         "a zip read by path gave other than from memory: \(fromFile.events) \(fromMemory.events)")
            return 0
        }
    }
}
