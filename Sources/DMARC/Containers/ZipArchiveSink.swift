
/// A zip archive: collected whole (zip keeps its directory at the end), then every member is read through its
/// own pipeline. Members named like reports (`.xml`, `.gz`, `.zip`) must be reports; other members are read too
/// (some reporters leave the name empty) but skipped quietly when their content is no report.
/// A broken member is reported and the others still count.
///
/// The directory is read by `ZipDirectory` and members are inflated here, from memory, with every size checked:
/// ZIPFoundation, used before, trapped on corrupt offsets and looped forever on a deflate stream that does not end.
final class ZipArchiveSink: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let nesting: Int
    private var archiveBytes: [UInt8] = []

    init(context: ReadingContext, origin: ReportOrigin, nesting: Int) {
        self.context = context
        self.origin = origin
        self.nesting = nesting
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        try context.collect(chunk, into: &archiveBytes, at: origin)
    }

    func finish() throws(DMARCError) {
        let archive = archiveBytes
        archiveBytes = []
        var failure: DMARCError?
        archive.withUnsafeBytes { bytes in
            do throws(DMARCError) { try read(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func read(_ archive: UnsafeRawBufferPointer) throws(DMARCError) {
        let directory: ZipDirectory
        do throws(ZipDirectory.Problem) {
            directory = try ZipDirectory(archive: archive, maxMembers: context.limits.maxZipMembers)
        } catch {
            throw error.at(origin, limits: context.limits)
        }
        var readAny = false
        for member in directory.members where member.isFile && !Self.isMetadata(member.path) {
            readAny = try read(member, of: archive) || readAny
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
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return path.hasPrefix("__MACOSX/") || name.hasPrefix("._")
    }

    /// Whether the name says the member is a report (or a compressed one).
    static func isNamedLikeReport(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".xml") || lowered.hasSuffix(".gz") || lowered.hasSuffix(".zip")
    }

    /// Reads one member; false when it was skipped as holding no report. Throws only when the input's
    /// decompression limit is reached: the members after it would each fail the same way, so the archive stops.
    private func read(_ member: ZipDirectory.Member, of archive: UnsafeRawBufferPointer) throws(DMARCError) -> Bool {
        let memberOrigin = origin.appending(member.path)
        let sink = context.sniffer(origin: memberOrigin, nesting: nesting + 1)
        do throws(DMARCError) {
            let data: Range<Int>
            do throws(ZipDirectory.Problem) {
                data = try ZipDirectory.dataRange(of: member, in: archive)
            } catch {
                throw error.at(memberOrigin, limits: context.limits)
            }
            guard member.flags & 1 == 0 else {
                throw DMARCError(.corruptZip("the member is encrypted"), at: memberOrigin)
            }
            let output = { [context] (chunk: UnsafeRawBufferPointer) throws(DMARCError) in
                try context.chargeDecompressed(chunk.count, at: memberOrigin)
                try sink.write(chunk)
            }
            let bytes = UnsafeRawBufferPointer(rebasing: archive[data])
            // Overlapping members (one deflated kernel listed many times) are charged each time they are read.
            context.chargeCompressed(bytes.count)
            let checksum: UInt32
            switch member.method {
            case 0: checksum = try Self.copyStored(bytes, into: output)
            case 8: checksum = try Self.inflate(bytes, at: memberOrigin, into: output)
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
            default: break
            }
            context.stream.fail(error)
        }
        return true
    }

    private static let chunkSize = 64 << 10

    /// A stored member, in chunks; returns its CRC-32.
    private static func copyStored(_ bytes: UnsafeRawBufferPointer,
                                   into output: (UnsafeRawBufferPointer) throws(DMARCError) -> Void)
        throws(DMARCError) -> UInt32 {
        var checksum: UInt32 = 0
        var offset = 0
        while offset < bytes.count {
            let chunk = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(bytes.count, offset + chunkSize)])
            checksum = ZlibInflater.crc32(checksum, chunk)
            try output(chunk)
            offset += chunk.count
        }
        return checksum
    }

    /// A deflated member (raw deflate, window bits -15), which must end within its compressed size; returns the
    /// CRC-32 of what it inflated to.
    private static func inflate(_ input: UnsafeRawBufferPointer, at origin: ReportOrigin,
                                into output: (UnsafeRawBufferPointer) throws(DMARCError) -> Void)
        throws(DMARCError) -> UInt32 {
        let inflater = ZlibInflater(.rawDeflate, outputChunk: chunkSize)
        var checksum: UInt32 = 0
        var offset = 0
        // zlib counts input in 32 bits: a larger member goes in slices.
        while offset < input.count {
            let slice = UnsafeRawBufferPointer(rebasing: input[offset..<min(input.count, offset + (1 << 30))])
            let progress = try inflater.inflate(slice, corrupt: {
                DMARCError(.corruptZip("bad deflated data: \($0)"), at: origin)
            }) { (chunk: UnsafeRawBufferPointer) throws(DMARCError) in
                checksum = ZlibInflater.crc32(checksum, chunk)
                try output(chunk)
            }
            if progress.ended { return checksum }
            guard progress.consumed == slice.count else { break }
            offset += slice.count
        }
        // No progress is possible: the input is used up before the deflate stream's last block ended.
        throw DMARCError(.corruptZip("the member's deflated data ends early (archive damaged?)"), at: origin)
    }
}

extension ZipDirectory.Problem {
    func at(_ origin: ReportOrigin, limits: ReadingLimits) -> DMARCError {
        switch self {
        case .corrupt(let message): DMARCError(.corruptZip(message), at: origin)
        case .tooManyMembers: DMARCError(.limitExceeded(.zipMembers, limit: limits.maxZipMembers), at: origin)
        }
    }
}
