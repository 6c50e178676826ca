/// Source addresses and their indices, in the order first seen: one flat open-addressing table keyed by the binary
/// address (`AddressSlots`, as `SourceTable` keeps its rows), so that per-source data lives in plain arrays beside
/// it: the audit's sources, the timeline's source ids.
struct SourceIndex: Sendable {
    /// The sources, by index.
    private(set) var sources: [SourceIP] = []
    /// Each source's place, by its address.
    private var slots = AddressSlots()

    var count: Int { sources.count }

    /// The index of `source`; `count` before the call when it is new (the caller appends its data).
    mutating func index(of source: SourceIP) -> Int {
        let index = slots.index(of: source, count: sources.count) { [sources] in sources[$0].address }
        if index == sources.count { sources.append(source) }
        return index
    }
}
