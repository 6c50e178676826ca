/// Remembers which `ElementName` each of libxml2's interned name pointers stands for.
///
/// libxml2 hands out every element name as a pointer into its per-parser dictionary, the same pointer for the
/// same name, so a name is matched once and then found by its address: a small open-addressing table in one
/// fixed allocation, cheaper than hashing with `Dictionary` for the fifty-odd lookups each record costs.
final class ElementNameTable {
    private static let capacity = 128
    private let keys = UnsafeMutablePointer<UnsafeRawPointer?>.allocate(capacity: capacity)
    private let values = UnsafeMutablePointer<ElementName>.allocate(capacity: capacity)
    private var count = 0

    init() {
        keys.initialize(repeating: nil, count: Self.capacity)
        values.initialize(repeating: .other, count: Self.capacity)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// The name for `pointer`, computed by `match` the first time.
    func name(for pointer: UnsafePointer<UInt8>, match: () -> ElementName) -> ElementName {
        let key = UnsafeRawPointer(pointer)
        // Interned names sit a few bytes apart in libxml2's pool: a multiplicative hash spreads them.
        var slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> 57)
        while let occupant = keys[slot] {
            if occupant == key { return values[slot] }
            slot = (slot + 1) & (Self.capacity - 1)
        }
        let name = match()
        // Keep a quarter free so probes stay short; a document with more distinct names just matches again.
        if count < Self.capacity * 3 / 4 {
            keys[slot] = key
            values[slot] = name
            count += 1
        }
        return name
    }
}
