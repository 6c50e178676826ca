/// Totals per source address in one flat open-addressing table keyed by the binary address, its rows dense in the
/// order first seen; reporters and `header_from` domains are small sets of ids into name tables.
///
/// Built for a busy domain's folder: tens of thousands of sources, most sending once, where a dictionary of
/// `SourceIP` to sets of strings cost more than parsing the reports (issue 17). A report's share is tallied in a
/// table of its own (records are tentative until the report counts) and merged when it counts: one probe per
/// source, its domains lower-cased once per report.
public struct SourceTable: Sendable {
    /// One source's totals.
    public struct Row: Sendable {
        public let source: SourceIP
        public var totals = MessageTotals()
        /// Ids into `reporterNames` (empty in a report's own table: it has one reporter).
        var reporters = IDSet()
        /// Ids into `domainNames`: as written in a report's table, lower-cased in totals.
        var domains = IDSet()

        init(source: SourceIP) { self.source = source }
    }

    /// In segments: a giant report has tens of thousands of sources, and an `Array` growing holds two copies.
    public private(set) var rows = SegmentedArray<Row>()
    private(set) var reporterNames = NameTable()
    private(set) var domainNames = NameTable()
    /// Each row's place, by its source's address.
    private var slots = AddressSlots()
    /// The last `header_from` and its id: a report's records nearly always name the same domain.
    private var lastDomain: (text: String, id: UInt32)?

    public init() {}

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.isEmpty }

    /// Counts one record (its `header_from` as written; lower-cased when the report is merged).
    mutating func add(_ record: Record, outcome: DMARCOutcome) {
        let index = rowIndex(of: record.sourceIP)
        rows[index].totals.add(record, outcome: outcome)
        let domain = record.identifiers.headerFrom
        let id: UInt32
        if let lastDomain, lastDomain.text == domain {
            id = lastDomain.id
        } else {
            id = domainNames.id(of: domain)
            lastDomain = (domain, id)
        }
        rows[index].domains.insert(id)
    }

    /// Adds one report's table, every source seen by `reporter`.
    mutating func add(report: SourceTable, reporter: String) {
        let reporterID = reporterNames.id(of: reporter)
        let domainMap = report.domainNames.names.map { domainNames.id(of: $0.lowercased()) }
        for row in report.rows {
            let index = rowIndex(of: row.source)
            rows[index].totals.add(row.totals)
            rows[index].reporters.insert(reporterID)
            row.domains.forEach { rows[index].domains.insert(domainMap[Int($0)]) }
        }
    }

    /// Makes this table, one report's, into totals: as `SourceTable().add(report: self, reporter:)` gives, in
    /// place (a giant report's table is not copied).
    mutating func adoptAsTotals(reporter: String) {
        let written = domainNames.names
        domainNames.removeAll()
        let domainMap = written.map { domainNames.id(of: $0.lowercased()) }
        reporterNames.removeAll()
        let reporterID = reporterNames.id(of: reporter)
        lastDomain = nil
        for index in rows.indices {
            var domains = IDSet()
            rows[index].domains.forEach { domains.insert(domainMap[Int($0)]) }
            rows[index].domains = domains
            rows[index].reporters.insert(reporterID)
        }
    }

    /// Adds another table of totals (another thread's).
    mutating func merge(_ other: SourceTable) {
        if rows.isEmpty {
            self = other
            return
        }
        let reporterMap = other.reporterNames.names.map { reporterNames.id(of: $0) }
        let domainMap = other.domainNames.names.map { domainNames.id(of: $0) }
        for row in other.rows {
            let index = rowIndex(of: row.source)
            rows[index].totals.add(row.totals)
            row.reporters.forEach { rows[index].reporters.insert(reporterMap[Int($0)]) }
            row.domains.forEach { rows[index].domains.insert(domainMap[Int($0)]) }
        }
    }

    /// Empties the table, keeping its storage (a report's table, reused for the next report).
    mutating func removeAll() {
        slots.removeAll(addresses: rows.lazy.map(\.source.address))
        rows.removeAll()
        reporterNames.removeAll()
        domainNames.removeAll()
        lastDomain = nil
    }

    /// A row's reporters, sorted.
    public func reporters(of row: Row) -> [String] { reporterNames.sorted(row.reporters) }
    /// A row's `header_from` domains, sorted.
    public func domains(of row: Row) -> [String] { domainNames.sorted(row.domains) }

    /// How many distinct reporters and `header_from` domains the rows have, counted by id (a name has one id).
    public var distinctReportersAndDomains: (reporters: Int, domains: Int) {
        var reporters = [Bool](repeating: false, count: reporterNames.names.count)
        var domains = [Bool](repeating: false, count: domainNames.names.count)
        var reporterCount = 0, domainCount = 0
        for index in rows.indices {
            rows[index].reporters.forEach { id in
                if !reporters[Int(id)] { reporters[Int(id)] = true; reporterCount += 1 }
            }
            rows[index].domains.forEach { id in
                if !domains[Int(id)] { domains[Int(id)] = true; domainCount += 1 }
            }
        }
        return (reporterCount, domainCount)
    }

    /// The rows' indices, most messages first, then by their address as text (sorted once, at the end; the rows
    /// are not copied, and texts are written only where 24 bytes of them do not decide: a giant report has 50,000).
    public func sortedOrder() -> [Int] {
        // Sorted as small plain keys (no reference counting while swapping), the text's first 24 bytes as three
        // big-endian integers: they decide nearly every tie of messages.
        var keys = rows.indices.map { SortKey(messages: rows[$0].totals.messages, text: rows[$0].source.text, index: $0) }
        keys.sort { a, b in
            if a.messages != b.messages { return a.messages > b.messages }
            if a.prefix.0 != b.prefix.0 { return a.prefix.0 < b.prefix.0 }
            if a.prefix.1 != b.prefix.1 { return a.prefix.1 < b.prefix.1 }
            return a.prefix.2 < b.prefix.2
        }
        // The rest: each run of keys alike so far, by the whole texts.
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end].messages == keys[start].messages && keys[end].prefix == keys[start].prefix {
                end += 1
            }
            if end - start > 1 {
                let run = keys[start..<end].map { (text: rows[$0.index].source.text, key: $0) }
                    .sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
                keys.replaceSubrange(start..<end, with: run.map(\.key))
            }
            start = end
        }
        return keys.map(\.index)
    }

    private struct SortKey {
        var messages: UInt64
        var prefix: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var index: Int

        init(messages: UInt64, text: String, index: Int) {
            self.messages = messages
            self.index = index
            withUnsafeMutableBytes(of: &prefix) { words in
                let words = words.bindMemory(to: UInt64.self)
                for (offset, byte) in text.utf8.prefix(24).enumerated() {
                    words[offset >> 3] |= UInt64(byte) << (56 - 8 * UInt64(offset & 7))
                }
            }
        }
    }

    /// The rows as `SourceTotals`, for callers of the former dictionary.
    public var sourceTotals: [SourceIP: SourceTotals] {
        var result: [SourceIP: SourceTotals] = [:]
        for row in rows {
            var totals = SourceTotals()
            totals.totals = row.totals
            totals.reporters = Set(reporters(of: row))
            totals.headerFromDomains = Set(domains(of: row))
            result[row.source] = totals
        }
        return result
    }

    // MARK: The table

    /// The row of `source`, added when new.
    private mutating func rowIndex(of source: SourceIP) -> Int {
        // The rows are handed in as a copy of the array (no copy of its elements), released before the append.
        let index = slots.index(of: source, count: rows.count) { [rows] in rows[$0].source.address }
        if index == rows.count { rows.append(Row(source: source)) }
        return index
    }
}

/// Names (reporters, domains) and their small ids, in the order first seen.
struct NameTable: Sendable {
    private(set) var names: [String] = []
    private var ids: [String: UInt32] = [:]

    mutating func id(of name: String) -> UInt32 {
        if let id = ids[name] { return id }
        let id = UInt32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
    }

    /// The names of `set`, sorted as strings.
    func sorted(_ set: IDSet) -> [String] {
        var result: [String] = []
        result.reserveCapacity(set.count)
        set.forEach { result.append(names[Int($0)]) }
        return result.count < 2 ? result : result.sorted()
    }
}

/// A small set of ids: nearly always one (one reporter saw a source, in one domain's reports), so the first is
/// held inline and only more take an array.
struct IDSet: Sendable {
    private var first = UInt32.max
    private var more: [UInt32] = []

    var count: Int { first == .max ? 0 : 1 + more.count }

    mutating func insert(_ id: UInt32) {
        if first == id { return }
        if first == .max {
            first = id
        } else if !more.contains(id) {
            more.append(id)
        }
    }

    func forEach(_ body: (UInt32) -> Void) {
        guard first != .max else { return }
        body(first)
        more.forEach(body)
    }

    func contains(_ id: UInt32) -> Bool { first == id || (first != .max && more.contains(id)) }
}
