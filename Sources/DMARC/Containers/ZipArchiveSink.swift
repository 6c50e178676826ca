import Foundation
import ZIPFoundation

/// A zip archive: collected whole (zip keeps its directory at the end), then every member is read through its
/// own pipeline. Members named like reports (`.xml`, `.gz`, `.zip`) must be reports; other members are read too
/// (some reporters leave the name empty) but skipped quietly when their content is no report.
/// A broken member is reported and the others still count.
final class ZipArchiveSink: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let nesting: Int
    private var archiveBytes = Data()

    init(context: ReadingContext, origin: ReportOrigin, nesting: Int) {
        self.context = context
        self.origin = origin
        self.nesting = nesting
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        guard archiveBytes.count + chunk.count <= context.limits.maxDecompressedBytes else {
            throw DMARCError(.limitExceeded(.decompressedBytes, limit: context.limits.maxDecompressedBytes), at: origin)
        }
        archiveBytes.append(contentsOf: chunk)
    }

    func finish() throws(DMARCError) {
        // ZIPFoundation's in-memory archives trap on offsets past the end of a corrupt archive; a file-backed
        // archive reads short instead. So the bytes go to an unlinked temporary file first.
        guard let file = tmpfile() else {
            throw DMARCError(.unreadable("no temporary file for the zip archive: \(String(cString: strerror(errno)))"),
                             at: origin)
        }
        defer { fclose(file) }
        let written = archiveBytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == archiveBytes.count, fflush(file) == 0 else {
            throw DMARCError(.unreadable("cannot write a temporary file: \(String(cString: strerror(errno)))"), at: origin)
        }
        archiveBytes = Data()
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: "/proc/self/fd/\(fileno(file))"), accessMode: .read)
        } catch {
            throw DMARCError(.corruptZip("no readable central directory (\(error))"), at: origin)
        }
        var members: [Entry] = []
        var listed = 0
        for entry in archive {
            listed += 1
            guard listed <= context.limits.maxZipMembers else {
                throw DMARCError(.limitExceeded(.zipMembers, limit: context.limits.maxZipMembers), at: origin)
            }
            if entry.type == .file && !Self.isMetadata(entry.path) { members.append(entry) }
        }
        var readAny = false
        for entry in members {
            readAny = read(entry, of: archive) || readAny
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

    /// Reads one member; false when it was skipped as holding no report.
    private func read(_ entry: Entry, of archive: Archive) -> Bool {
        let memberOrigin = origin.appending(entry.path)
        let sink = ContentSniffer(context: context, origin: memberOrigin, nesting: nesting + 1)
        do {
            let checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { data in
                try self.context.chargeDecompressed(data.count, at: memberOrigin)
                try sink.write(contentsOf: data)
            }
            guard checksum == entry.checksum else {
                throw DMARCError(.corruptZip("CRC-32 mismatch (member damaged)"), at: memberOrigin)
            }
            try sink.finish()
        } catch let error as DMARCError {
            switch error.reason {
            case .empty, .unrecognisedContent, .notAReport: if !Self.isNamedLikeReport(entry.path) { return false }
            default: break
            }
            context.handler.fail(error)
        } catch {
            context.handler.fail(DMARCError(.corruptZip("\(error)"), at: memberOrigin))
        }
        return true
    }
}
