/// Source addresses and their indices, in the order first seen: one flat open-addressing table keyed by the binary
/// address (as `SourceTable` keeps its rows), so that per-source data lives in plain arrays beside it.
struct SourceIndex: Sendable {
    /// The sources, by index.
    private(set) var sources: [SourceIP] = []
    /// Index + 1 per slot (0: empty); a power of two long, at most half full. Linear probing.
    private var slots: [Int32] = []
    /// Sources that are no address (masked text) are rare: a dictionary does.
    private var textIndices: [String: Int32] = [:]

    var count: Int { sources.count }

    /// The index of `source`; `count` before the call when it is new (the caller appends its data).
    mutating func index(of source: SourceIP) -> Int {
        guard let address = source.address else {
            if let index = textIndices[source.text] { return Int(index) }
            sources.append(source)
            textIndices[source.text] = Int32(sources.count - 1)
            return sources.count - 1
        }
        if sources.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = address.slotHash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 {
                sources.append(source)
                slots[slot] = Int32(sources.count)
                return sources.count - 1
            }
            if sources[entry - 1].address == address { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(64, slots.count * 2))
        let mask = slots.count - 1
        for (index, source) in sources.enumerated() {
            guard let address = source.address else { continue }
            var slot = address.slotHash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

}
