internal import CDMARCZlib
import Foundation

/// zlib's deflate, for tests that need large compressed inputs made at test time (the library only inflates).
enum Deflate {
    /// Raw deflate (as in a zip member) of `bytes`.
    static func raw(_ bytes: Data, level: Int32 = 1) -> Data {
        var output = Data(count: Int(compressBound(uLong(bytes.count))))
        var length = uLongf(output.count)
        let status = output.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                compress2(target.baseAddress!.assumingMemoryBound(to: Bytef.self), &length,
                          source.baseAddress!.assumingMemoryBound(to: Bytef.self), uLong(source.count), level)
            }
        }
        precondition(status == Z_OK, "compress2 failed: \(status)")
        // compress2 writes a zlib stream: a 2-byte header, the raw deflate data, a 4-byte Adler-32.
        return output.subdata(in: 2..<Int(length) - 4)
    }

    /// A one-member gzip file of `bytes`.
    static func gzip(_ bytes: Data, level: Int32 = 1) -> Data {
        var file = Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])
        file.append(raw(bytes, level: level))
        let crc = bytes.withUnsafeBytes { crc32(0, $0.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt($0.count)) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: crc).littleEndian) { file.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian) { file.append(contentsOf: $0) }
        return file
    }
}
