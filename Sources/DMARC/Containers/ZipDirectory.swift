/// A zip archive's central directory, read from the archive's bytes (APPNOTE 6.3.10, with zip64), wherever they
/// are (`ZipByteSource`).
///
/// Every offset and size an archive states is checked against the bytes there are before it is used, so that a
/// corrupt or hostile directory gives an error, never a trap, a read past the end or a loop.
struct ZipDirectory {
    /// One member as the central directory lists it.
    struct Member {
        var path: String
        /// A folder or a symbolic link: listed, never read.
        var isFile: Bool
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    /// What is wrong with an archive.
    enum Problem: Error {
        /// For `DMARCError.Reason.corruptZip`.
        case corrupt(String)
        /// The archive lists more than `maxMembers`.
        case tooManyMembers
        /// The archive's bytes could not be read (a file truncated while read), for `DMARCError.Reason.unreadable`.
        case unreadable(String)
    }

    private(set) var members: [Member] = []
    /// What stopped the listing before every member the archive counts (the members before it are listed).
    private(set) var damage: String?

    /// Reads the directory of `archive`.
    init(archive: some ZipByteSource, maxMembers: Int) throws(Problem) {
        let end = try Self.endOfCentralDirectory(archive)
        guard end.count <= UInt64(maxMembers) else { throw .tooManyMembers }
        guard end.offset <= UInt64(archive.count), end.size <= UInt64(archive.count) - end.offset else {
            throw .corrupt("the central directory lies outside the archive")
        }
        var position = Int(end.offset)
        let directoryEnd = position + Int(end.size)
        var window = Window(archive, end: directoryEnd)
        while position + 46 <= directoryEnd {
            let fixed = try window.bytes(at: position, count: 46)
            guard fixed.uint32(at: 0) == 0x0201_4B50 else { break }
            guard members.count < maxMembers else { throw .tooManyMembers }
            let nameLength = Int(fixed.uint16(at: 28))
            let extraLength = Int(fixed.uint16(at: 30))
            let commentLength = Int(fixed.uint16(at: 32))
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { break }
            let entry = try window.bytes(at: position, count: next - position)
            let name = UnsafeRawBufferPointer(rebasing: entry[46..<(46 + nameLength)])
            let extra = UnsafeRawBufferPointer(rebasing: entry[(46 + nameLength)..<(46 + nameLength + extraLength)])
            members.append(Self.member(entry: entry, name: name, extra: extra, index: members.count + 1))
            position = next
        }
        if UInt64(members.count) < end.count {
            damage = "central directory entry \(members.count + 1) of \(end.count) is damaged"
        }
    }

    /// Where a member's stored or compressed bytes are in `archive`.
    static func dataRange(of member: Member, in archive: some ZipByteSource) throws(Problem) -> Range<Int> {
        guard archive.count >= 30, member.localHeaderOffset <= UInt64(archive.count - 30) else {
            throw .corrupt("no local header where the central directory says")
        }
        let header = Int(member.localHeaderOffset)
        let local = try archive.bytes(at: header, count: 30)
        guard local.uint32(at: 0) == 0x0403_4B50 else {
            throw .corrupt("no local header where the central directory says")
        }
        let start = header + 30 + Int(local.uint16(at: 26)) + Int(local.uint16(at: 28))
        guard start <= archive.count, member.compressedSize <= UInt64(archive.count - start) else {
            throw .corrupt("the member's data runs past the end of the archive")
        }
        return start..<(start + Int(member.compressedSize))
    }

    /// The directory's bytes, a window of them at a time (in memory: all of them at once). A window is
    /// `largestRead` bytes, more than the largest entry, so an entry that does not fit in the window read last
    /// starts the next one.
    private struct Window<Source: ZipByteSource> {
        let source: Source
        /// Where the directory ends: no window goes past it.
        let end: Int
        var start = 0
        var bytes = UnsafeRawBufferPointer(start: nil, count: 0)

        init(_ source: Source, end: Int) {
            self.source = source
            self.end = end
        }

        /// The `count` bytes at `offset`, which lie within the directory; valid until the next call.
        mutating func bytes(at offset: Int, count: Int) throws(Problem) -> UnsafeRawBufferPointer {
            if offset < start || offset + count > start + bytes.count {
                start = offset
                bytes = try source.bytes(at: offset, count: min(source.largestRead, end - offset))
                precondition(count <= bytes.count, "a directory entry larger than a window")
            }
            return UnsafeRawBufferPointer(rebasing: bytes[(offset - start)..<(offset - start + count)])
        }
    }

    private struct End {
        var count: UInt64
        var size: UInt64
        var offset: UInt64
    }

    /// The end of central directory record, searched from the end (it may be followed by a comment), and the
    /// zip64 record it points to when its fields are full.
    private static func endOfCentralDirectory(_ archive: some ZipByteSource) throws(Problem) -> End {
        guard archive.count >= 22 else { throw .corrupt("no end of central directory record (file truncated?)") }
        let lowest = max(0, archive.count - 22 - 0xFFFF)
        let tail = try archive.bytes(at: lowest, count: archive.count - lowest)
        var position = tail.count - 22
        while tail.uint32(at: position) != 0x0605_4B50 {
            guard position > 0 else { throw .corrupt("no end of central directory record (file truncated?)") }
            position -= 1
        }
        let end = End(count: UInt64(tail.uint16(at: position + 10)), size: UInt64(tail.uint32(at: position + 12)),
                      offset: UInt64(tail.uint32(at: position + 16)))
        let locator = lowest + position - 20
        guard end.count == 0xFFFF || end.size == 0xFFFF_FFFF || end.offset == 0xFFFF_FFFF, locator >= 0 else {
            return end
        }
        let locatorBytes = try archive.bytes(at: locator, count: 20)
        guard locatorBytes.uint32(at: 0) == 0x0706_4B50 else { return end }
        let record = locatorBytes.uint64(at: 8)
        guard record <= UInt64(locator) && UInt64(locator) - record >= 56 else {
            throw .corrupt("no zip64 end of central directory record where the locator says")
        }
        let zip64 = try archive.bytes(at: Int(record), count: 56)
        guard zip64.uint32(at: 0) == 0x0606_4B50 else {
            throw .corrupt("no zip64 end of central directory record where the locator says")
        }
        return End(count: zip64.uint64(at: 32), size: zip64.uint64(at: 40), offset: zip64.uint64(at: 48))
    }

    private static func member(entry: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer,
                               extra: UnsafeRawBufferPointer, index: Int) -> Member {
        var member = Member(path: "", isFile: true, flags: entry.uint16(at: 8), method: entry.uint16(at: 10),
                            crc32: entry.uint32(at: 16), compressedSize: UInt64(entry.uint32(at: 20)),
                            uncompressedSize: UInt64(entry.uint32(at: 24)),
                            localHeaderOffset: UInt64(entry.uint32(at: 42)))
        // Bit 11: the name is UTF-8; otherwise it is code page 437, read here as Latin-1 past ASCII.
        if member.flags & 0x800 != 0 || String(validating: name, as: UTF8.self) != nil {
            member.path = String(decoding: name, as: UTF8.self)
        } else {
            member.path = String(String.UnicodeScalarView(name.map { Unicode.Scalar($0) }))
        }
        if member.path.isEmpty { member.path = "member \(index)" }  // named in messages
        let madeOnUnix = entry.uint16(at: 4) >> 8 == 3
        let mode = entry.uint32(at: 38) >> 16 & 0o170000
        let dosAttributes = entry.uint32(at: 38) & 0xFF
        member.isFile = !member.path.hasSuffix("/") && !(madeOnUnix ? mode == 0o040000 || mode == 0o120000
                                                                     : dosAttributes & 0x10 != 0)
        readZip64Sizes(extra, into: &member)
        return member
    }

    /// The zip64 extra field (ID 1) holds, in this order, each of the three fields that is full in the entry.
    private static func readZip64Sizes(_ extra: UnsafeRawBufferPointer, into member: inout Member) {
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.uint16(at: position)
            let size = Int(extra.uint16(at: position + 2))
            let fieldEnd = min(extra.count, position + 4 + size)
            if id == 1 {
                var field = position + 4
                func next(_ value: inout UInt64, whenFull full: UInt64) {
                    guard value == full, field + 8 <= fieldEnd else { return }
                    value = extra.uint64(at: field)
                    field += 8
                }
                next(&member.uncompressedSize, whenFull: 0xFFFF_FFFF)
                next(&member.compressedSize, whenFull: 0xFFFF_FFFF)
                next(&member.localHeaderOffset, whenFull: 0xFFFF_FFFF)
                return
            }
            position = fieldEnd
        }
    }
}

extension UnsafeRawBufferPointer {
    /// Little-endian integers at any offset; the caller has checked that the bytes are there.
    fileprivate func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    fileprivate func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}
