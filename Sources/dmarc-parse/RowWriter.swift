/// Where `RowEncoder` writes one row: room reserved at the end of a byte array, written through a pointer. An
/// append is a bounds check and a copy; what does not fit is not written, and `overflowed` says the row must be
/// written again with more room (`RowEncoder.row`).
///
/// Unsafe: the pointer is valid only inside `RowEncoder.row`'s call of `[UInt8].append(addingCapacity:)`, which
/// makes the writer and drops it before returning. Worth it: `[UInt8].append(contentsOf:)` checks the array is
/// unique and goes through the generic sequence copy on every call, and a record's row takes some forty appends
/// (--jobs 1 --records --format ndjson on the varied folder: 5.75 → 5.57 G instructions, 5.41 G with the short
/// copies below).
struct RowWriter {
    private let base: UnsafeMutablePointer<UInt8>?
    private let capacity: Int
    /// How many bytes are written.
    private(set) var count = 0
    /// Some bytes did not fit and were dropped.
    private(set) var overflowed = false

    /// No room: a writer outside any row, which any write overflows.
    static var none: RowWriter { RowWriter(room: UnsafeMutableBufferPointer(start: nil, count: 0)) }

    init(room: UnsafeMutableBufferPointer<UInt8>) {
        base = room.baseAddress
        capacity = room.count
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        guard length <= capacity - count else {
            overflowed = true
            return
        }
        guard length > 0 else { return }
        let target = UnsafeMutableRawPointer(base! + count), source = UnsafeRawPointer(bytes.baseAddress!)
        if length >= 8 && length <= 16 {
            // Most pieces (keys, domains, words) are short: two overlapping 8-byte copies, no call of memcpy.
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self),
                              toByteOffset: length - 8, as: UInt64.self)
        } else if length < 8 {
            for offset in 0..<length {
                target.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset,
                                  as: UInt8.self)
            }
        } else {
            target.copyMemory(from: source, byteCount: length)
        }
        count += length
    }

    /// `utf8` between double quotes, a JSON string, and true; or, when `utf8` holds a byte `JSON.string` escapes
    /// (a control character, `"` or a backslash), nothing and false. The bytes are checked as they are copied,
    /// eight at a time: every text of every record goes through here.
    mutating func appendJSONString(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = utf8.count
        guard length + 2 <= capacity - count else {
            overflowed = true
            return true  // written again with more room; whether it escapes is found out then
        }
        guard let source = UnsafeRawPointer(utf8.baseAddress) else {
            append(StaticString("\"\""))
            return true
        }
        let target = UnsafeMutableRawPointer(base! + count + 1)
        if length < 8 {
            for offset in 0..<length {
                let byte = source.load(fromByteOffset: offset, as: UInt8.self)
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
                target.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
            }
        } else {
            // A word escapes when a byte is below 0x20, or is `"` or `\` (zero after xor): the classic test for
            // a byte below a limit, exact for whether some byte is.
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func escapes(_ word: UInt64) -> Bool {
                let quote = word ^ (0x22 &* ones), backslash = word ^ (0x5C &* ones)
                return ((word &- 0x20 &* ones) & ~word | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash)
                    & highs != 0
            }
            var offset = 0
            while offset + 8 <= length {
                let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if escapes(word) { return false }
                target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            if offset < length {
                // The last eight bytes, overlapping what was copied.
                let word = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                if escapes(word) { return false }
                target.storeBytes(of: word, toByteOffset: length - 8, as: UInt64.self)
            }
        }
        base![count] = 0x22
        base![count + 1 + length] = 0x22
        count += length + 2
        return true
    }

    /// Makes what is written since `start` one csv field in place, as `TableWriter.csvField` makes a text: quoted
    /// when it holds a comma, a quote or a line break, its quotes doubled. (A csv cell holding JSON is written
    /// as JSON first, then quoted here, rather than made as a `String` and copied.)
    mutating func quoteAsCSVField(from start: Int) {
        guard !overflowed, let base else { return }
        var quotes = 0, quoted = false
        for index in start..<count {
            let byte = base[index]
            if byte == 0x22 { quotes += 1 }
            if TableWriter.quotesCSVField(byte) { quoted = true }
        }
        guard quoted else { return }
        let length = count + quotes + 2
        guard length <= capacity else {
            overflowed = true
            return
        }
        // From the end back, so that no byte is overwritten before it has moved.
        var from = count, to = length - 1
        base[to] = 0x22
        while from > start {
            from -= 1
            let byte = base[from]
            to -= 1
            base[to] = byte
            if byte == 0x22 {
                to -= 1
                base[to] = 0x22
            }
        }
        base[start] = 0x22
        count = length
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(bytes.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard count < capacity else {
            overflowed = true
            return
        }
        base![count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// The UTF-8 of `text` (the slow paths: escaped values, cells through `TableWriter`).
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}
