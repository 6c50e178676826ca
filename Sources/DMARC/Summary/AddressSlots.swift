/// Where each source of a dense list sits in it, found by its binary address in one flat open-addressing table:
/// the look-up behind `SourceTable`'s rows and the audit's `SourceIndex`, which keep the sources themselves (in
/// the order first seen) and hand their addresses in as `addressAt`.
///
/// A busy domain's folder has tens of thousands of sources, most sending once; a `Dictionary` keyed by `SourceIP`
/// cost more than parsing the reports (issue 17).
struct AddressSlots: Sendable {
    /// Index + 1 per slot (0: empty); a power of two long, at most half full. Linear probing.
    private var slots: [Int32] = []
    /// Sources that are no address (masked text) are rare: a dictionary does.
    private var textIndices: [String: Int32] = [:]

    /// The index of `source` among the `count` sources of the list (the `i`-th has the address `addressAt(i)`);
    /// when it is not there, `count`: it is recorded at that index, and the caller appends it to the list.
    mutating func index(of source: SourceIP, count: Int, addressAt: (Int) -> IPAddress?) -> Int {
        guard let address = source.address else {
            if let index = textIndices[source.text] { return Int(index) }
            textIndices[source.text] = Int32(count)
            return count
        }
        if count * 2 >= slots.count { grow(count: count, addressAt: addressAt) }
        let mask = slots.count - 1
        var slot = address.slotHash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 {
                slots[slot] = Int32(count + 1)
                return count
            }
            if addressAt(entry - 1) == address { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Forgets every source, keeping the storage. Only the slots of `addresses` (the list's) are cleared: after one
    /// giant report, the small ones that reuse a table must not pay for clearing all of it.
    mutating func removeAll(addresses: some Sequence<IPAddress?>) {
        if !slots.isEmpty {
            let mask = slots.count - 1
            for case let address? in addresses {
                var slot = address.slotHash & mask
                while slots[slot] != 0 {
                    slots[slot] = 0
                    slot = (slot + 1) & mask
                }
            }
        }
        textIndices.removeAll(keepingCapacity: true)
    }

    private mutating func grow(count: Int, addressAt: (Int) -> IPAddress?) {
        slots = [Int32](repeating: 0, count: max(64, slots.count * 2))
        let mask = slots.count - 1
        for index in 0..<count {
            guard let address = addressAt(index) else { continue }
            var slot = address.slotHash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}

extension IPAddress {
    /// The slot of the address in `AddressSlots`, before masking: a multiplicative mix of the 128 bits and the
    /// family, since addresses of one range differ in their low bits.
    var slotHash: Int {
        var mixed = (low ^ (isIPv4 ? 0 : 0x5555)) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= high &* 0xC2B2_AE3D_27D4_EB4F
        mixed ^= mixed >> 29
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }
}
