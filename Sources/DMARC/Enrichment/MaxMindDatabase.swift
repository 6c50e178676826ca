internal import CDMARCMaxMindDB

/// A MaxMind DB file (`.mmdb`) read through libmaxminddb: IPinfo Lite, DB-IP Lite (country, ASN), GeoLite2
/// (Country, ASN) and any database laid out like one of them.
///
/// The fields read, first found wins:
/// - country: `country_code` (IPinfo Lite), `country.iso_code` (GeoLite2, DB-IP), `country` when it is a code
///   (IPinfo's older country_asn), `registered_country.iso_code`;
/// - AS number: `autonomous_system_number` (GeoLite2/DB-IP ASN), `asn` as `AS64500` or a number (IPinfo);
/// - AS name: `autonomous_system_organization`, `as_name`; AS domain: `as_domain` (IPinfo only).
///
/// This is the only file that imports libmaxminddb. The `MMDB_s` is owned here, opened in `open` and closed in
/// `deinit`; libmaxminddb maps the file read-only and checks every offset it follows, so a corrupted file gives
/// error codes, which end the database's use with one warning.
public final class MaxMindDatabase: IPDatabase {
    public let path: String
    /// The database's own word for its kind (`GeoLite2-ASN`, `ipinfo_lite.mmdb`, …).
    public let databaseType: String
    public private(set) var warnings: [EnrichmentWarning] = []
    private var handle: UnsafeMutablePointer<MMDB_s>
    private var broken = false

    /// Why a file could not be used.
    struct OpenProblem: Error {
        var message: String
        /// The file opened but holds no MaxMind DB metadata: it may be a tor-geoipdb text table.
        var mayBeText: Bool
    }

    private init(path: String, handle: UnsafeMutablePointer<MMDB_s>) {
        self.path = path
        self.handle = handle
        databaseType = handle.pointee.metadata.database_type.map { String(cString: $0) } ?? "unknown"
    }

    deinit {
        MMDB_close(handle)
        handle.deallocate()
    }

    /// Opens the file and checks that it is of a kind this reads: its first entries must hold one of the fields
    /// above (a City database without them, or a corrupted search tree, is refused with a message saying so).
    static func open(_ path: String) -> Result<MaxMindDatabase, OpenProblem> {
        let handle = UnsafeMutablePointer<MMDB_s>.allocate(capacity: 1)
        let status = MMDB_open(path, UInt32(MMDB_MODE_MMAP), handle)
        guard status == MMDB_SUCCESS else {
            handle.deallocate()
            let reason = String(cString: MMDB_strerror(status))
            return .failure(OpenProblem(
                message: status == MMDB_INVALID_METADATA_ERROR || status == MMDB_UNKNOWN_DATABASE_FORMAT_ERROR
                    ? "not a MaxMind DB (.mmdb) nor a tor-geoipdb table: \(reason)" : "cannot open: \(reason)",
                mayBeText: status == MMDB_INVALID_METADATA_ERROR))
        }
        let database = MaxMindDatabase(path: path, handle: handle)
        if let problem = database.probe() {
            return .failure(OpenProblem(message: problem, mayBeText: false))
        }
        return .success(database)
    }

    public func facts(for address: IPAddress) -> NetworkFacts? {
        guard !broken else { return nil }
        var lookupError: Int32 = 0
        let bytes = address.bytes
        var result = bytes.withUnsafeBufferPointer { buffer in
            cdmarc_mmdb_lookup_bytes(handle, buffer.baseAddress, address.isIPv4 ? 1 : 0, &lookupError)
        }
        if lookupError == MMDB_IPV6_LOOKUP_IN_IPV4_DATABASE_ERROR { return nil }  // an IPv4-only file
        guard lookupError == MMDB_SUCCESS else {
            stop("lookup of \(address) failed: \(String(cString: MMDB_strerror(lookupError))); the file is no longer used")
            return nil
        }
        guard result.found_entry else { return nil }
        do {
            let facts = try Self.facts(in: &result.entry)
            return facts.isEmpty ? nil : facts
        } catch {
            stop("the entry for \(address) is corrupt (\(Self.message(of: error))); the file is no longer used")
            return nil
        }
    }

    private func stop(_ message: String) {
        broken = true
        warnings.append(EnrichmentWarning(message, in: path))
    }

    // MARK: Fields

    private struct FieldError: Error { var message: String }

    private static func message(of error: any Error) -> String { (error as? FieldError)?.message ?? "\(error)" }

    private static func facts(in entry: inout MMDB_entry_s) throws -> NetworkFacts {
        var facts = NetworkFacts()
        let countryCode = try text(in: &entry, "country_code") ?? text(in: &entry, "country", "iso_code")
            ?? text(in: &entry, "country").flatMap { $0.utf8.count == 2 ? $0 : nil }
            ?? text(in: &entry, "registered_country", "iso_code")
        facts.country = countryCode.flatMap(Self.countryCode)
        if let number = try unsigned(in: &entry, "autonomous_system_number") {
            facts.asn = UInt32(exactly: number)
        } else if let number = try unsigned(in: &entry, "asn") {
            facts.asn = UInt32(exactly: number)
        } else if let text = try text(in: &entry, "asn") {
            facts.asn = Self.asNumber(text)
        }
        facts.asName = try text(in: &entry, "autonomous_system_organization") ?? text(in: &entry, "as_name")
        facts.asDomain = try text(in: &entry, "as_domain").map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        return facts
    }

    /// `AS64500` (any case) or `64500` → 64500.
    static func asNumber(_ text: String) -> UInt32? {
        let digits = text.uppercased().hasPrefix("AS") ? text.dropFirst(2) : Substring(text)
        return UInt32(digits)
    }

    /// Two ASCII letters, upper-cased; anything else (`??`, a name, `EU` is kept: it is a code some files use).
    static func countryCode(_ text: String) -> String? {
        let code = text.uppercased()
        guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        return code
    }

    /// The string at a path, nil when the path is absent or holds another type.
    private static func text(in entry: inout MMDB_entry_s, _ first: String, _ second: String? = nil)
        throws -> String? {
        guard let data = try value(in: &entry, first, second), data.type == UInt32(MMDB_DATA_TYPE_UTF8_STRING),
              let start = data.utf8_string else { return nil }
        let bytes = UnsafeRawBufferPointer(start: start, count: Int(data.data_size))
        let text = String(decoding: bytes, as: UTF8.self)
        return text.isEmpty ? nil : text
    }

    /// The unsigned number at a path (uint16, uint32 or uint64), nil when absent or of another type.
    private static func unsigned(in entry: inout MMDB_entry_s, _ first: String) throws -> UInt64? {
        guard let data = try value(in: &entry, first, nil) else { return nil }
        switch Int32(data.type) {
        case MMDB_DATA_TYPE_UINT16: return UInt64(data.uint16)
        case MMDB_DATA_TYPE_UINT32: return UInt64(data.uint32)
        case MMDB_DATA_TYPE_UINT64: return data.uint64
        default: return nil
        }
    }

    private static func value(in entry: inout MMDB_entry_s, _ first: String, _ second: String?)
        throws -> MMDB_entry_data_s? {
        var data = MMDB_entry_data_s()
        let status = first.withCString { first in
            if let second {
                return second.withCString { cdmarc_mmdb_value(&entry, &data, first, $0) }
            }
            return cdmarc_mmdb_value(&entry, &data, first, nil)
        }
        // Absent paths, or a path through a value that is no map: not this layout, not an error.
        if status == MMDB_LOOKUP_PATH_DOES_NOT_MATCH_DATA_ERROR || status == MMDB_INVALID_LOOKUP_PATH_ERROR {
            return nil
        }
        guard status == MMDB_SUCCESS else { throw FieldError(message: String(cString: MMDB_strerror(status))) }
        return data.has_data ? data : nil
    }

    // MARK: Checking the kind of file

    /// Reads the first entries of the search tree (lowest and highest addresses): nil when one holds a field this
    /// reads, else the reason to refuse the file.
    private func probe() -> String? {
        var sawEntry = false
        for preferRight in [false, true] {
            switch firstEntry(preferRight: preferRight) {
            case .failure(let problem):
                return "corrupt search tree (\(problem.message)): not used"
            case .success(var entry?):
                sawEntry = true
                do {
                    if !(try Self.facts(in: &entry)).isEmpty { return nil }
                } catch {
                    return "corrupt data section (\(Self.message(of: error))): not used"
                }
            case .success(nil):
                continue
            }
        }
        return sawEntry
            ? "no country or AS fields (country_code, country.iso_code, autonomous_system_number, asn, as_name) "
                + "in this \(databaseType) database: not used; use a country or ASN database"
            : "no entries in this \(databaseType) database: not used"
    }

    /// The first data record in a depth-first walk of the tree, left or right children first; at most 4,096
    /// nodes are read (a real database has data within a few dozen).
    private func firstEntry(preferRight: Bool) -> Result<MMDB_entry_s?, ProbeError> {
        var pending: [UInt32] = [0]
        var visited = 0
        while let node = pending.popLast(), visited < 4096 {
            visited += 1
            var record = MMDB_search_node_s()
            let status = MMDB_read_node(handle, node, &record)
            guard status == MMDB_SUCCESS else { return .failure(ProbeError(String(cString: MMDB_strerror(status)))) }
            let left = (record.left_record_type, record.left_record, record.left_record_entry)
            let right = (record.right_record_type, record.right_record, record.right_record_entry)
            var nextNodes: [UInt32] = []
            for (type, value, entry) in preferRight ? [right, left] : [left, right] {
                switch Int32(type) {
                case MMDB_RECORD_TYPE_DATA:
                    return .success(entry)
                case MMDB_RECORD_TYPE_SEARCH_NODE:
                    nextNodes.append(UInt32(truncatingIfNeeded: value))
                case MMDB_RECORD_TYPE_INVALID:
                    return .failure(ProbeError("a record points past the data section"))
                default:
                    continue  // empty
                }
            }
            pending += nextNodes.reversed()  // the preferred child is popped first
        }
        return .success(nil)
    }

    private struct ProbeError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
