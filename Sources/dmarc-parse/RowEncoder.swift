/// Writes rows straight into one byte buffer in a streaming format (tsv, csv, json, ndjson): byte for byte what
/// `TableWriter` writes for the same cells, without a `Cell` or a `String` per value. The fast path of the views
/// with many rows; values with characters that need escaping take `TableWriter`'s own functions.
struct RowEncoder {
    let format: OutputFormat
    private let columns: [Table.Column]
    /// Whether values are JSON (json, ndjson; and csv inside `objects`): texts quoted, absent values `null`.
    private var isJSON: Bool
    /// What goes before each column's value, all in one array: the separator (none before the first column) and,
    /// in the JSON formats, `"name":`. Column `i`'s are `prefixes[prefixStarts[i]..<prefixStarts[i + 1]]`. Made
    /// once per format and column list; copies of the encoder share them.
    private let prefixes: [UInt8]
    private let prefixStarts: [Int]
    /// What has been encoded and not yet taken.
    private(set) var bytes: [UInt8] = []
    /// Where the row being encoded goes (inside `row` only).
    private var out = RowWriter.none
    /// The room reserved for a row: doubled when a row does not fit, and kept.
    private(set) var rowRoom = 1024
    private var column = 0
    private var rowsWritten = 0

    init(format: OutputFormat, columns: [Table.Column], capacity: Int = 0) {
        precondition(format != .table, "the table format aligns its rows: TableWriter")
        self.format = format
        self.columns = columns
        isJSON = format == .json || format == .ndjson
        var prefixes: [UInt8] = [], prefixStarts = [0]
        for (index, column) in columns.enumerated() {
            if index > 0 { prefixes.append(format == .tsv ? 0x09 : 0x2C) }
            if isJSON { prefixes += Array((JSON.string(column.name) + ":").utf8) }
            prefixStarts.append(prefixes.count)
        }
        self.prefixes = prefixes
        self.prefixStarts = prefixStarts
        bytes.reserveCapacity(capacity)
    }

    /// The header line (tsv, csv) or the opening bracket (json).
    mutating func start() {
        let writer = TableWriter(format: format, columns: columns, terminal: .plain)
        bytes.append(contentsOf: writer.start().utf8)
    }

    /// Encodes one row (or the cells of one, for a later `splice`) with `body`, which calls the encoder's other
    /// methods but `start`, `finish`, `take` and `skip`: the row is written into room reserved at the end of
    /// `bytes`, and written again with twice the room in the rare case it does not fit (so `body` may run twice
    /// or more, and must do nothing but encode).
    mutating func row(_ body: (inout RowEncoder) -> Void) {
        precondition(!out.overflowed, "a row's bytes encoded outside RowEncoder.row")
        let column = column, rowsWritten = rowsWritten
        // The bytes leave `self` while `body` changes it, so the array stays unique and is not copied.
        var bytes: [UInt8] = []
        swap(&bytes, &self.bytes)
        defer { swap(&bytes, &self.bytes) }
        while true {
            var fits = false
            bytes.append(addingCapacity: rowRoom) { room in
                room.withUnsafeMutableBufferPointer { room, written in
                    out = RowWriter(room: room)
                    body(&self)
                    fits = !out.overflowed
                    written = fits ? out.count : 0
                    out = .none
                }
            }
            if fits { return }
            self.column = column
            self.rowsWritten = rowsWritten
            rowRoom *= 2
        }
    }

    mutating func beginRow() {
        column = 0
        switch format {
        case .json: append(rowsWritten == 0 ? "\n{" : ",\n{")
        case .ndjson: out.append(0x7B)
        default: break
        }
    }

    mutating func endRow() {
        switch format {
        case .json: out.append(0x7D)
        case .ndjson: append("}\n")
        case .tsv: out.append(0x0A)
        case .csv: append("\r\n")
        case .table: break
        }
        rowsWritten += 1
    }

    /// Begins the `index`-th row of a block held until its report counts (`HeldRows`): in json the rows of a block
    /// are separated here, and the block from what came before by `TableWriter.writeHeld`.
    mutating func beginHeldRow(index: Int) {
        column = 0
        switch format {
        case .json: append(index == 0 ? "{" : ",\n{")
        case .ndjson: out.append(0x7B)
        default: break
        }
    }

    /// Appends cells encoded before (by an encoder of the same format and columns) for the next `columns`.
    mutating func splice(_ encoded: [UInt8], columns: Int) {
        out.append(encoded)
        column += columns
    }

    /// Moves to column `index` (to encode cells for a later `splice`), dropping what is encoded when `clearing`.
    mutating func skip(to index: Int, clearing: Bool) {
        if clearing { bytes.removeAll(keepingCapacity: true) }
        column = index
    }

    /// Encodes with `body` onto the end of `buffer` rather than into `bytes` (which is empty between rows): the
    /// two arrays trade places for the time, so nothing is copied.
    mutating func encode(appendingTo buffer: inout [UInt8], _ body: (inout RowEncoder) -> Void) {
        swap(&bytes, &buffer)
        body(&self)
        swap(&bytes, &buffer)
    }

    /// A text or, when nil, absent.
    mutating func optionalText(_ text: String?) {
        if let text { self.text(text) } else { missing() }
    }

    /// An array of objects, each written by `body` with `field`, as `JSON.value(.objects)` writes it: in the
    /// JSON formats as it is, in csv as one field (`TableWriter.csvField` of that text). Not for tsv, which shows
    /// such a cell as its `textForm`.
    mutating func objects<Element>(_ elements: [Element], _ body: (Element, inout RowEncoder) -> Void) {
        precondition(format != .tsv, "tsv writes the text form of objects")
        nextColumn()
        guard isJSON else {
            let start = out.count
            isJSON = true
            writeObjects(elements, body)
            isJSON = false
            out.quoteAsCSVField(from: start)
            return
        }
        writeObjects(elements, body)
    }

    private mutating func writeObjects<Element>(_ elements: [Element], _ body: (Element, inout RowEncoder) -> Void) {
        out.append(0x5B)
        // By index: the element is lent to `body`, not copied out (with each of its strings retained).
        for index in elements.indices {
            append(index == 0 ? "{" : ",{")
            body(elements[index], &self)
            out.append(0x7D)
        }
        out.append(0x5D)
    }

    /// One field of an object being written by `objects`: `member` is what comes before its value, the comma
    /// (but for the first field) and the quoted key with its colon, `,"selector":`.
    mutating func field(_ member: StaticString, _ value: String?) {
        append(member)
        if let value { appendText(value) } else { append("null") }
    }

    /// What closes the output (json: the bracket).
    mutating func finish() {
        precondition(!out.overflowed, "a row's bytes encoded outside RowEncoder.row")
        if format == .json { bytes.append(contentsOf: (rowsWritten == 0 ? "]\n" : "\n]\n").utf8) }
    }

    /// Hands over what is encoded so far (to write it out), keeping the buffer's storage.
    mutating func take(into output: StandardOutput) {
        output.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Values, one per column in order

    mutating func number(_ value: UInt64) {
        nextColumn()
        appendDecimal(value)
    }

    mutating func text(_ text: String) {
        nextColumn()
        appendText(text)
    }

    /// Absent: empty in text formats, `null` in JSON.
    mutating func missing() {
        nextColumn()
        if isJSON { append("null") }
    }

    /// Joined by `separator` in text formats, an array in JSON.
    mutating func list(_ items: [String], separator: String) {
        nextColumn()
        switch format {
        case .json, .ndjson:
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }
                appendText(item)
            }
            out.append(0x5D)
        default:
            appendText(items.count == 1 ? items[0] : items.joined(separator: separator))
        }
    }

    /// A cell of any kind: the general path, through `TableWriter`'s text of it.
    mutating func cell(_ cell: Cell) {
        switch cell {
        case .text(let text): self.text(text)
        case .number(let value): number(value)
        case .missing: missing()
        case .list(let items, let separator): list(items, separator: separator)
        default:
            nextColumn()
            switch format {
            case .json, .ndjson: out.append(JSON.value(cell))
            case .csv: out.append(TableWriter.csvField(TableWriter.plainText(cell)))
            default: out.append(TableWriter.tsvField(TableWriter.plainText(cell)))
            }
        }
    }

    /// The separator and key of the next column: one append, whatever the format.
    private mutating func nextColumn() {
        let start = prefixStarts[column], end = prefixStarts[column + 1]
        prefixes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        column += 1
    }

    /// A text value: as it is when nothing in it needs escaping in this format (nearly always), else escaped by
    /// `TableWriter`'s functions.
    private mutating func appendText(_ text: String) {
        // Native and small strings are contiguous UTF-8: read in place, with no copy of the string.
        let done = text.utf8.withContiguousStorageIfAvailable { appendPlainText($0) }
        if done == true { return }
        appendEscaped(text)
    }

    /// Appends `utf8` as it is (quoted in JSON) and returns true, unless it holds a byte to escape in this format.
    private mutating func appendPlainText(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        if isJSON { return out.appendJSONString(utf8) }
        let plain = format == .csv ? !utf8.contains(where: TableWriter.quotesCSVField)
                                   : !utf8.contains(where: TableWriter.isTSVBreak)
        guard plain else { return false }
        out.append(utf8)
        return true
    }

    /// A text with a byte to escape, through `TableWriter`'s functions.
    private mutating func appendEscaped(_ text: String) {
        if isJSON { return out.append(JSON.string(text)) }
        switch format {
        case .csv: out.append(TableWriter.csvField(text))
        default: out.append(TableWriter.tsvField(text))
        }
    }

    /// Fixed bytes (punctuation, `null`), without an array.
    private mutating func append(_ text: StaticString) {
        out.append(text)
    }

    /// Decimal digits, without a `String`.
    private mutating func appendDecimal(_ value: UInt64) {
        if value < 10 {
            out.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt64.max has 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                count += 1
                buffer[24 - count] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            }
            out.append(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }
}
