/// Rows of named columns, independent of how they are written out.
struct Table {
    var columns: [Column]
    var rows: [[Cell]] = []
    /// A last line for people (the table format only): sums and spans.
    var totals: [Cell]?

    struct Column {
        /// The snake_case name: the header in tsv and csv, the key in JSON.
        var name: String
        var alignsRight: Bool { kind == .number }
        var kind: Kind

        enum Kind { case text, number }

        static func text(_ name: String) -> Column { Column(name: name, kind: .text) }
        static func number(_ name: String) -> Column { Column(name: name, kind: .number) }
    }
}

/// One value of a row.
enum Cell {
    case text(String)
    /// Absent: empty in text formats, `null` in JSON.
    case missing
    case number(UInt64)
    /// `true`/`false` in every format (a JSON boolean).
    case bool(Bool)
    /// A number with a fixed count of decimals.
    case decimal(Double, digits: Int)
    /// Seconds since 1970, written as ISO 8601 UTC.
    case time(Int64)
    /// Joined by `separator` in text formats, an array in JSON.
    case list([String], separator: String)
    /// Objects in JSON (e.g. auth results), `textForm` in text formats.
    case objects([[(key: String, value: Cell)]], textForm: String)

    static func optional(_ text: String?) -> Cell { text.map(Cell.text) ?? .missing }
}
