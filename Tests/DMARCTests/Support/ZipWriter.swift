import Foundation

/// Writes zip archives in memory, for tests that need archives too large to commit: members stored, or deflated
/// when given their deflated bytes (`Deflate.raw`).
struct ZipWriter {
    private(set) var data = Data()
    private var directory = Data()
    private var count = 0

    /// Appends a member holding `content` (CRC-32 given, when many members share one content), stored, or as
    /// `deflated` (raw deflate of `content`).
    mutating func add(_ name: String, _ content: Data, crc: UInt32? = nil, deflated: Data? = nil) {
        let crc = crc ?? Self.crc32(content)
        let name = Data(name.utf8)
        let offset = UInt32(data.count)
        let size = le32(UInt32(content.count))
        let stored = le32(UInt32(deflated?.count ?? content.count))
        let method = le16(deflated == nil ? 0 : 8)
        data.append(le32(0x0403_4B50), le16(20), le16(0x800), method, le16(0), le16(0x5A22),
                    le32(crc), stored, size, le16(UInt16(name.count)), le16(0))
        data.append(name)
        data.append(deflated ?? content)
        directory.append(le32(0x0201_4B50), le16(0x314), le16(20), le16(0x800), method, le16(0), le16(0x5A22),
                         le32(crc), stored, size, le16(UInt16(name.count)),
                         le16(0), le16(0), le16(0), le16(0), le32(0o100644 << 16), le32(offset))
        directory.append(name)
        count += 1
    }

    /// The whole archive: members, central directory, and a zip64 end record when there are more than 65,535
    /// members or `zip64` (`statedCount` overrides the count the end records give, to test archives that lie;
    /// `comment` follows the end record).
    func archive(statedCount: Int? = nil, zip64: Bool = false, comment: Data = Data()) -> Data {
        var archive = data
        let stated = UInt64(statedCount ?? count)
        let directoryOffset = UInt64(archive.count)
        archive.append(directory)
        if zip64 {
            // Every field of the end record full: its values are the zip64 record's.
            let record = UInt64(archive.count)
            archive.append(le32(0x0606_4B50), le64(44), le16(45), le16(45), le32(0), le32(0), le64(stated),
                           le64(stated), le64(UInt64(directory.count)), le64(directoryOffset))
            archive.append(le32(0x0706_4B50), le32(0), le64(record), le32(1))
            archive.append(le32(0x0605_4B50), le16(0), le16(0), le16(0xFFFF), le16(0xFFFF), le32(0xFFFF_FFFF),
                           le32(0xFFFF_FFFF), le16(UInt16(comment.count)))
            archive.append(comment)
            return archive
        }
        if stated > 0xFFFF {
            let record = UInt64(archive.count)
            archive.append(le32(0x0606_4B50), le64(44), le16(45), le16(45), le32(0), le32(0), le64(stated),
                           le64(stated), le64(UInt64(directory.count)), le64(directoryOffset))
            archive.append(le32(0x0706_4B50), le32(0), le64(record), le32(1))
        }
        archive.append(le32(0x0605_4B50), le16(0), le16(0), le16(UInt16(min(stated, 0xFFFF))),
                       le16(UInt16(min(stated, 0xFFFF))), le32(UInt32(directory.count)), le32(UInt32(directoryOffset)),
                       le16(UInt16(comment.count)))
        archive.append(comment)
        return archive
    }

    static func crc32(_ bytes: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

private func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
private func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
private func le64(_ value: UInt64) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }

extension Data {
    fileprivate mutating func append(_ parts: Data...) {
        for part in parts { append(part) }
    }
}
