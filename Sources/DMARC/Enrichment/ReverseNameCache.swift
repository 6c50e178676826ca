import Foundation

/// What reverse lookups found, kept between runs until the DNS records' TTLs run out: a text file in the user's
/// cache folder, one address a line: `address TAB expiry (Unix seconds) TAB PTR name or nothing TAB 1 if confirmed`.
/// The PTR name is kept as the server gave it (in master-file form, so any byte is safe in a line) and checked
/// again when read, so that a cached bad name gives the same warning as a fresh one.
public struct ReverseNameCache: Sendable {
    /// One address's lookup.
    public struct Entry: Sendable, Hashable {
        /// The PTR name as received; nil when the address has none.
        public var name: DNSName?
        public var confirmed: Bool
        /// When it must be looked up again (Unix seconds).
        public var expires: Int64
    }

    public private(set) var entries: [IPAddress: Entry] = [:]
    /// Entries added since the file was read.
    public private(set) var changed = false

    /// A cache lives at most this long whatever the TTLs say: a week.
    static let longestLife: Int64 = 7 * 24 * 3600
    static let header = "# dmarc-parse reverse DNS cache 1: address, expires (Unix time), PTR name, forward-confirmed"

    public init() {}

    /// The cache file: `$XDG_CACHE_HOME/dmarc-parse/` (else `~/.cache/dmarc-parse/`), one file per DNS server named
    /// with `--dns-server` (split DNS gives each its own names), `reverse-dns.tsv` for the system's resolver.
    public static func defaultPath(for server: DNSServerAddress?,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            return nil
        }
        let suffix = server.map { "-" + String($0.description.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }) }
        return base + "/dmarc-parse/reverse-dns" + (suffix ?? "") + ".tsv"
    }

    /// Reads a cache file, keeping entries that have not expired; a missing file is an empty cache.
    public init(contentsOf path: String, now: Int64) throws(ReverseLookupError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReverseLookupError("the reverse DNS cache \(path) could not be read: \(error.localizedDescription)")
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            // A line this version cannot read is dropped: the address is looked up again.
            guard fields.count == 4, let address = IPAddress(fields[0]), let expires = Int64(fields[1]), expires > now
            else { continue }
            let name = fields[2].isEmpty ? nil : DNSName(presentation: String(fields[2]))
            if !fields[2].isEmpty && name == nil { continue }
            entries[address] = Entry(name: name, confirmed: fields[3] == "1", expires: expires)
        }
    }

    /// Keeps what a lookup found for `ttl` seconds (no longer than a week).
    public mutating func store(_ address: IPAddress, name: DNSName?, confirmed: Bool, ttl: UInt32, now: Int64) {
        guard ttl > 0 else { return }
        entries[address] = Entry(name: name, confirmed: confirmed, expires: now + min(Int64(ttl), Self.longestLife))
        changed = true
    }

    /// Writes the entries that have not expired, through a temporary file renamed over the old one, so that a
    /// run that stops half-way or a run beside this one never leaves a half-written file.
    public func write(to path: String, now: Int64) throws(ReverseLookupError) {
        var text = Self.header + "\n"
        for (address, entry) in entries.sorted(by: { $0.key < $1.key }) where entry.expires > now {
            text += "\(address)\t\(entry.expires)\t\(entry.name?.description ?? "")\t\(entry.confirmed ? 1 : 0)\n"
        }
        let file = URL(fileURLWithPath: path)
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReverseLookupError("the reverse DNS cache \(path) could not be written: \(error.localizedDescription)")
        }
    }
}
