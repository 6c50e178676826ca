/// A table of the HTML report: escaped cells, numbers right-aligned with their exact value in `data-value`
/// (for sorting, and for the tests that compare them with the other views), cut to its top rows.
struct HTMLTable {
    enum Cell {
        case text(String)
        /// A short key that should not wrap (a date, an address).
        case key(String)
        case number(UInt64)
        /// A share in percent, shown with one decimal; `–` when `whole` is 0.
        case percent(UInt64, of: UInt64)
    }

    struct Column {
        var name: String
        var numeric: Bool
        static func text(_ name: String) -> Column { Column(name: name, numeric: false) }
        static func number(_ name: String) -> Column { Column(name: name, numeric: true) }
    }

    var id: String
    var caption: String
    var columns: [Column]
    var rows: [(cells: [Cell], styleClass: String?)] = []
    /// Rows shown; the others are counted in a last line.
    var limit = Int.max
    /// A filter box (added by the script) for tables people search.
    var filterable = false

    init(id: String, caption: String, columns: [Column], limit: Int = .max, filterable: Bool = false) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.limit = limit
        self.filterable = filterable
    }

    mutating func append(_ cells: [Cell], styleClass: String? = nil) {
        rows.append((cells, styleClass))
    }

    var html: String {
        var html = "<div class=\"scroll\"><table id=\"\(id)\" class=\"data sortable\"\(filterable ? " data-filter=\"1\"" : "")>"
        html += "<caption>\(HTMLText.escape(caption))</caption><thead><tr>"
        for column in columns {
            html += "<th scope=\"col\"\(column.numeric ? " class=\"num\"" : "")>\(HTMLText.escape(column.name))</th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows.prefix(limit) {
            html += row.styleClass.map { "<tr class=\"\(HTMLText.escape($0))\">" } ?? "<tr>"
            for cell in row.cells {
                switch cell {
                case .text(let text): html += "<td>\(HTMLText.escape(text))</td>"
                case .key(let text): html += "<td class=\"key\">\(HTMLText.escape(text))</td>"
                case .number(let number):
                    html += "<td class=\"num\" data-value=\"\(number)\">\(HTMLText.grouped(number))</td>"
                case .percent(let part, let whole):
                    let value = whole == 0 ? "" : formatDecimal(HTMLText.share(part, of: whole), digits: 1)
                    html += "<td class=\"num\" data-value=\"\(value)\">\(HTMLText.percent(part, of: whole))</td>"
                }
            }
            html += "</tr>"
        }
        html += "</tbody>"
        if rows.count > limit {
            html += "<tfoot><tr><td colspan=\"\(columns.count)\" class=\"more\">and \(HTMLText.grouped(rows.count - limit)) more "
                + "row\(rows.count - limit == 1 ? "" : "s") not shown (the command-line views list them all)</td></tr></tfoot>"
        }
        return html + "</table></div>"
    }
}
