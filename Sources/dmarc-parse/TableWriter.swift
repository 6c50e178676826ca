import Foundation

/// The output formats, and how each writes a table.
enum OutputFormat: String, CaseIterable {
    case table, tsv, csv, json, ndjson
}

/// Writes table rows in one format. Rows can be written one at a time (streamed), then `finish()`.
struct TableWriter {
    let format: OutputFormat
    let columns: [Table.Column]
    private var rowsWritten = 0
    /// For the table format, rows wait until all are known so the columns can be aligned.
    private var pending: [[Cell]] = []
    /// For the table format, each column's widest cell so far (its name at least).
    private var natural: [Int]
    /// For the table format, what each column may give up to fit the terminal (numbers and times: nothing).
    private var give: [TableLayout.Give]
    /// The terminal the table format is for (width, colors); the other formats are never cut or colored.
    let terminal: Terminal

    init(format: OutputFormat, columns: [Table.Column], terminal: Terminal = .current) {
        self.format = format
        self.columns = columns
        self.terminal = format == .table ? terminal : .plain
        give = columns.map { $0.kind == .number ? .number : .cut }
        natural = columns.map { TableLayout.length(of: $0.name) }
    }

    /// Writes the whole table to `output`, a line at a time.
    static func write(_ table: Table, as format: OutputFormat, to output: StandardOutput) {
        var writer = TableWriter(format: format, columns: table.columns)
        output.write(writer.start())
        for row in table.rows { output.write(writer.write(row)) }
        writer.finish(totals: table.totals, to: output)
    }

    /// What comes before the first row.
    func start() -> String {
        switch format {
        case .tsv: columns.map(\.name).joined(separator: "\t") + "\n"
        case .csv: columns.map { Self.csvField($0.name) }.joined(separator: ",") + "\r\n"
        case .json: "["
        case .table, .ndjson: ""
        }
    }

    /// One row; returns what to print now.
    mutating func write(_ row: [Cell]) -> String {
        defer { rowsWritten += 1 }
        switch format {
        case .table:
            Self.measure(row, natural: &natural, give: &give)
            pending.append(row)
            return ""
        case .tsv:
            return row.map { Self.tsvField(Self.plainText($0)) }.joined(separator: "\t") + "\n"
        case .csv:
            return row.map { Self.csvField(Self.plainText($0)) }.joined(separator: ",") + "\r\n"
        case .json:
            return (rowsWritten == 0 ? "\n" : ",\n") + jsonObject(row)
        case .ndjson:
            return jsonObject(row) + "\n"
        }
    }

    /// Counts a block of `count` held rows as written; returns what to print before the block.
    mutating func writeHeld(count: Int) -> String {
        guard count > 0 else { return "" }
        defer { rowsWritten += count }
        return format == .json ? (rowsWritten == 0 ? "\n" : ",\n") : ""
    }

    /// Writes what comes after the last row (for the table format: everything).
    mutating func finish(totals: [Cell]? = nil, to output: StandardOutput) {
        switch format {
        case .json: output.write(rowsWritten == 0 ? "]\n" : "\n]\n")
        case .table:
            if let totals {
                for (index, cell) in totals.enumerated() { natural[index] = max(natural[index], Self.width(of: cell)) }
            }
            writeAligned(natural: natural, give: give, rowCount: pending.count, totals: totals, to: output) {
                pending[$0]
            }
        case .tsv, .csv, .ndjson: break
        }
    }

    /// An aligned table whose rows are made when needed, twice (`row(i)` for i in `0..<rowCount`): once to measure
    /// the columns, once to print; the totals, if any, after a rule. Memory stays one row whatever the row count:
    /// `-s` on a giant report prints 50,000 rows, which held as cells took 60 MiB.
    static func writeAligned(columns: [Table.Column], rowCount: Int, totals: [Cell]?, to output: StandardOutput,
                             terminal: Terminal = .current, row: (Int) -> [Cell]) {
        var writer = TableWriter(format: .table, columns: columns, terminal: terminal)
        for index in 0..<rowCount { measure(row(index), natural: &writer.natural, give: &writer.give) }
        if let totals {
            for (index, cell) in totals.enumerated() { writer.natural[index] = max(writer.natural[index], width(of: cell)) }
        }
        writer.writeAligned(natural: writer.natural, give: writer.give, rowCount: rowCount, totals: totals, to: output,
                            row: row)
    }

    /// Widens `natural` to the row's cells; a column that holds a number, a decimal or a time gives nothing.
    private static func measure(_ row: [Cell], natural: inout [Int], give: inout [TableLayout.Give]) {
        for (index, cell) in row.enumerated() {
            let width = width(of: cell)
            if width > natural[index] { natural[index] = width }
            if give[index] == .cut {
                switch cell {
                case .number, .decimal, .time: give[index] = .whole
                default: break
                }
            }
        }
    }

    /// A cell's width in characters as printed (`TableLayout.length` of its text), without making its text where
    /// that is plain: a number's digits, a list of ASCII names.
    private static func width(of cell: Cell) -> Int {
        switch cell {
        case .number(let value): return decimalDigits(value)
        case .text(let text): return TableLayout.length(of: text)
        case .list(let items, let separator) where items.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } })
            && separator.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }):
            return items.reduce(0) { $0 + $1.utf8.count } + max(0, items.count - 1) * separator.utf8.count
        default: return TableLayout.length(of: plainText(cell))
        }
    }

    private static func decimalDigits(_ value: UInt64) -> Int {
        var digits = 1, rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }

    /// Prints the header and rows `0..<rowCount` (`row(i)`) at the widths the layout gives the `natural` ones,
    /// then the totals after a rule. Lines are built as bytes in one buffer, numbers written digit by digit: `-s` on
    /// a busy domain aligns tens of thousands of rows.
    private func writeAligned(natural: [Int], give: [TableLayout.Give], rowCount: Int, totals: [Cell]?,
                              to output: StandardOutput, row: (Int) -> [Cell]) {
        let names = columns.map(\.name)
        let layout = TableLayout(natural: natural, give: give, limit: terminal.width, names: names)
        if !layout.hidden.isEmpty {
            ProgressLine.shared.clear()
            let hidden = layout.hidden.map { names[$0] }.joined(separator: ", ")
            FileHandle.standardError.write(Data(("dmarc-parse: left out to fit \(terminal.width ?? 0) columns: \(hidden)"
                + " (a wider terminal, or --format tsv for every column)\n").utf8))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 20)
        func spaces(_ count: Int) {
            if count > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
        }
        /// A line of `cells`: in bold (the header), colored by what they say (rows, on a color terminal), or plain.
        func line(_ cells: [Cell], bold: Bool = false, emphasised: Bool = false) {
            var pendingSpaces = 0
            for (position, index) in layout.shown.enumerated() {
                let width = layout.widths[index]
                let cell = cells[index]
                // A number is written digit by digit (numbers are never cut); any other cell as its text, cut with
                // "…" when wider than its column (and then not colored).
                var number: UInt64?
                var text = ""
                var cellWidth: Int
                var emphasis = emphasised && terminal.colors ? CellEmphasis.of(cell, in: columns[index].name) : nil
                if case .number(let value) = cell, Self.decimalDigits(value) <= width {
                    number = value
                    cellWidth = Self.decimalDigits(value)
                } else {
                    text = Self.plainText(cell)
                    cellWidth = TableLayout.length(of: text)
                    if cellWidth > width {
                        text = TableLayout.fit(text, width: width)
                        cellWidth = TableLayout.length(of: text)
                        emphasis = nil
                    }
                }
                let padding = width - cellWidth
                if position > 0 { pendingSpaces += TableLayout.gap }
                if columns[index].alignsRight { pendingSpaces += padding }
                if number != nil || !text.isEmpty {
                    spaces(pendingSpaces)
                    pendingSpaces = 0
                    let escape = bold ? CellEmphasis.bold : emphasis?.escape
                    if let escape { bytes.append(contentsOf: escape.utf8) }
                    if let number { appendDecimal(number, cellWidth) } else { bytes.append(contentsOf: text.utf8) }
                    if escape != nil { bytes.append(contentsOf: CellEmphasis.reset.utf8) }
                }
                if !columns[index].alignsRight { pendingSpaces += padding }
            }
            bytes.append(UInt8(ascii: "\n"))
            if bytes.count >= 1 << 20 {
                output.write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        func appendDecimal(_ value: UInt64, _ digits: Int) {
            let end = bytes.count + digits
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
            var rest = value, position = end
            repeat {
                position -= 1
                bytes[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            } while rest > 0
        }
        line(names.map(Cell.text), bold: terminal.colors)
        for index in 0..<rowCount { line(row(index), emphasised: true) }
        if let totals {
            line(layout.widths.map { .text(String(repeating: "-", count: $0)) })
            line(totals)
        }
        output.write(bytes)
    }

    private func jsonObject(_ row: [Cell]) -> String {
        "{" + zip(columns, row).map { JSON.string($0.name) + ":" + JSON.value($1) }.joined(separator: ",") + "}"
    }

    static func plainText(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .missing: ""
        case .number(let number): String(number)
        case .bool(let value): String(value)
        case .decimal(let value, let digits): formatDecimal(value, digits: digits)
        case .time(let seconds): iso8601(seconds)
        case .list(let items, let separator): items.joined(separator: separator)
        case .objects(_, let textForm): textForm
        }
    }

    // Both escapes work on bytes, not Characters: a CR LF pair is one Character, equal to neither "\r" nor "\n",
    // and was let through whole by a Character test; and a Character-wise pass costs some 50 times as much.

    /// A byte a tsv field holds as a space: a tab, a line feed or a carriage return.
    @inline(__always)
    static func isTSVBreak(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A byte that makes a csv field quoted: a comma, a quote, a line feed or a carriage return.
    @inline(__always)
    static func quotesCSVField(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }

    /// Each tab, line feed and carriage return becomes a space (a CR LF pair two).
    static func tsvField(_ text: String) -> String {
        guard text.utf8.contains(where: isTSVBreak) else { return text }
        return String(decoding: text.utf8.map { isTSVBreak($0) ? 0x20 : $0 }, as: UTF8.self)
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: quotesCSVField) else { return text }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }
}

/// Minimal JSON writing with a fixed key order, so the same input always gives the same bytes.
enum JSON {
    static func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): string(text)
        case .missing: "null"
        case .number(let number): String(number)
        case .bool(let value): String(value)
        case .decimal(let value, let digits): formatDecimal(value, digits: digits)
        case .time(let seconds): string(iso8601(seconds))
        case .list(let items, _): "[" + items.map(string).joined(separator: ",") + "]"
        case .objects(let objects, _):
            "[" + objects.map { "{" + $0.map { string($0.key) + ":" + value($0.value) }.joined(separator: ",") + "}" }
                .joined(separator: ",") + "]"
        }
    }

    static func string(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20:
                escaped += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}

/// `value` with exactly `digits` decimals, without locale (a point, never a comma).
func formatDecimal(_ value: Double, digits: Int) -> String {
    let scale = (0..<digits).reduce(1.0) { product, _ in product * 10 }
    let scaled = Int64((value * scale).rounded())
    guard digits > 0 else { return String(scaled) }
    let whole = scaled / Int64(scale), fraction = abs(scaled % Int64(scale))
    let fractionText = String(fraction)
    return "\(scaled < 0 && whole == 0 ? "-" : "")\(whole)." + String(repeating: "0", count: digits - fractionText.count) + fractionText
}
