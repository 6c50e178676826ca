/// Reads a zip archive's members, each through its own pipeline, from the archive's bytes wherever they are: held
/// in memory (`ZipArchiveSink`) or a regular file read where it lies (`ReadingContext.readZipFile`). Members named
/// like reports (`.xml`, `.gz`, `.zip`) must be reports; other members are read too (some reporters leave the name
/// empty) but skipped quietly when their content is no report. A broken member is reported and the others still
/// count.
///
/// The directory is read by `ZipDirectory` and members are inflated here, in pieces, with every size checked:
/// ZIPFoundation, used before, trapped on corrupt offsets and looped forever on a deflate stream that does not end.
struct ZipArchiveReader {
    let archive: any ZipByteSource
    let context: ReadingContext
    let origin: ReportOrigin
    let nesting: Int

    func read() throws(DMARCError) {
        let directory: ZipDirectory
        do throws(ZipDirectory.Problem) {
            directory = try ZipDirectory(archive: archive, maxMembers: context.limits.maxZipMembers)
        } catch {
            throw error.at(origin, limits: context.limits)
        }
        var readAny = false
        for member in directory.members where member.isFile && !Self.isMetadata(member.path) {
            readAny = try read(member) || readAny
        }
        // A damaged directory: the members listed before the damage count, and the damage is one more error.
        if let damage = directory.damage {
            if readAny { context.stream.fail(DMARCError(.corruptZip(damage), at: origin)) }
            else { throw DMARCError(.corruptZip(damage), at: origin) }
        }
        guard readAny else { throw DMARCError(.noReportInZip, at: origin) }
    }

    /// Files macOS adds to archives it makes.
    static func isMetadata(_ path: String) -> Bool {
        if path.hasPrefix("__MACOSX/") { return true }
        // The last name in the path that is not empty (a folder's ends in "/"), by its bytes: split by characters,
        // this cost more than the rest of reading a small zip.
        let name = path.utf8.split(separator: UInt8(ascii: "/")).last ?? path.utf8[...]
        return name.starts(with: "._".utf8)
    }

    /// Whether the name says the member is a report (or a compressed one).
    static func isNamedLikeReport(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".xml") || lowered.hasSuffix(".gz") || lowered.hasSuffix(".zip")
    }

    /// Reads one member; false when it was skipped as holding no report. Throws only when the input's
    /// decompression limit is reached, or the archive's bytes could not be read: the members after it would each
    /// fail the same way, so the archive stops.
    private func read(_ member: ZipDirectory.Member) throws(DMARCError) -> Bool {
        let memberOrigin = origin.appending(member.path)
        let sink = context.sniffer(origin: memberOrigin, nesting: nesting + 1)
        do throws(DMARCError) {
            let data: Range<Int>
            do throws(ZipDirectory.Problem) {
                data = try ZipDirectory.dataRange(of: member, in: archive)
            } catch {
                throw error.at(memberOrigin, archive: origin, limits: context.limits)
            }
            guard member.flags & 1 == 0 else {
                throw DMARCError(.corruptZip("the member is encrypted"), at: memberOrigin)
            }
            let output = { [context] (chunk: UnsafeRawBufferPointer) throws(DMARCError) in
                try context.chargeDecompressed(chunk.count, at: memberOrigin)
                try sink.write(chunk)
            }
            // Overlapping members (one deflated kernel listed many times) are charged each time they are read.
            context.chargeCompressed(data.count)
            let checksum: UInt32
            switch member.method {
            case 0: checksum = try copyStored(data, into: output)
            case 8: checksum = try inflate(data, at: memberOrigin, into: output)
            default:
                throw DMARCError(.corruptZip("compression method \(member.method) is not supported"), at: memberOrigin)
            }
            guard checksum == member.crc32 else {
                throw DMARCError(.corruptZip("CRC-32 mismatch (member damaged)"), at: memberOrigin)
            }
            try sink.finish()
        } catch {
            switch error.reason {
            case .empty, .unrecognisedContent, .notAReport: if !Self.isNamedLikeReport(member.path) { return false }
            case .limitExceeded(let limit, _) where limit.endsTheInput: throw error
            case .unreadable where error.origin == origin:
                sink.cancel()
                throw error
            default: break
            }
            context.stream.fail(error)
        }
        return true
    }

    /// What stored output goes on in: the size a member inflates in too.
    private static var outputChunk: Int { 64 << 10 }

    /// The archive's bytes in `range`, in pieces of at most `largestRead` (a read failure is the archive's).
    private func pieces(of range: Range<Int>,
                        _ body: (UnsafeRawBufferPointer) throws(DMARCError) -> Bool) throws(DMARCError) {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let piece: UnsafeRawBufferPointer
            do throws(ZipDirectory.Problem) {
                piece = try archive.bytes(at: offset, count: min(range.upperBound - offset, archive.largestRead))
            } catch {
                throw error.at(origin, limits: context.limits)
            }
            guard try body(piece) else { return }
            offset += piece.count
        }
    }

    /// A stored member, in chunks; returns its CRC-32.
    private func copyStored(_ data: Range<Int>, into output: (UnsafeRawBufferPointer) throws(DMARCError) -> Void)
        throws(DMARCError) -> UInt32 {
        var checksum: UInt32 = 0
        try pieces(of: data) { (piece: UnsafeRawBufferPointer) throws(DMARCError) in
            var offset = 0
            while offset < piece.count {
                let chunk = UnsafeRawBufferPointer(rebasing: piece[offset..<min(piece.count, offset + Self.outputChunk)])
                checksum = ZlibInflater.crc32(checksum, chunk)
                try output(chunk)
                offset += chunk.count
            }
            return true
        }
        return checksum
    }

    /// A deflated member (raw deflate, window bits -15), which must end within its compressed size; returns the
    /// CRC-32 of what it inflated to.
    private func inflate(_ data: Range<Int>, at memberOrigin: ReportOrigin,
                         into output: (UnsafeRawBufferPointer) throws(DMARCError) -> Void) throws(DMARCError) -> UInt32 {
        let inflater = ZlibInflater(.rawDeflate, outputChunk: Self.outputChunk)
        var checksum: UInt32 = 0
        var ended = false
        try pieces(of: data) { (piece: UnsafeRawBufferPointer) throws(DMARCError) in
            let progress = try inflater.inflate(piece, corrupt: {
                DMARCError(.corruptZip("bad deflated data: \($0)"), at: memberOrigin)
            }) { (chunk: UnsafeRawBufferPointer) throws(DMARCError) in
                checksum = ZlibInflater.crc32(checksum, chunk)
                try output(chunk)
            }
            ended = progress.ended
            // Bytes after the end of the deflate stream are ignored; zlib not using a whole piece otherwise means
            // that it can make no progress.
            return !ended && progress.consumed == piece.count
        }
        guard ended else {
            // The input is used up (or zlib stuck) before the deflate stream's last block ended.
            throw DMARCError(.corruptZip("the member's deflated data ends early (archive damaged?)"), at: memberOrigin)
        }
        return checksum
    }
}

extension ZipDirectory.Problem {
    /// The error a user sees for a problem met in the directory or a member (`origin`), of the zip at `archive`:
    /// bytes that could not be read are the archive's problem, not one member's.
    func at(_ origin: ReportOrigin, archive: ReportOrigin? = nil, limits: ReadingLimits) -> DMARCError {
        switch self {
        case .corrupt(let message): DMARCError(.corruptZip(message), at: origin)
        case .tooManyMembers: DMARCError(.limitExceeded(.zipMembers, limit: limits.maxZipMembers), at: origin)
        case .unreadable(let message): DMARCError(.unreadable(message), at: archive ?? origin)
        }
    }
}
