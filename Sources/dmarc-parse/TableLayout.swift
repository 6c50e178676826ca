/// Which columns of an aligned table are shown, and how wide, so that the table fits a terminal.
///
/// Long text cells are cut first (the widest column by one character at a time, down to a third of its natural
/// width or its header, at least `minimumCut`); numbers and times are never cut. When even that is too wide,
/// columns are left out from the right: what receivers did (`droppedFirst`, the dispositions) first, then text
/// columns, then times, then numbers, and the columns that say what passes and fails (`keptLongest`) last — never
/// the first column, which names the row.
struct TableLayout: Equatable {
    /// What a column may give up.
    enum Give { case cut, whole, number }

    /// The indices of the columns shown, in order.
    private(set) var shown: [Int]
    /// The width of each column (the same index as the table's columns).
    private(set) var widths: [Int]
    /// The columns left out, in the table's order.
    var hidden: [Int] { widths.indices.filter { !shown.contains($0) } }

    /// The columns a narrow terminal keeps longest, by name: what passes and fails, and where from.
    static let keptLongest: Set<String> = [
        "verdict", "source_ip", "messages", "count", "dmarc_pass", "dmarc_fail", "dkim", "spf",
    ]

    /// The columns a narrow terminal leaves out first, all together: the dispositions, which the DMARC result
    /// mostly predicts.
    static let droppedFirst: Set<String> = ["none", "quarantine", "reject", "pass"]

    /// Characters between two columns.
    static let gap = 2
    /// A cut column keeps at least this many characters (the last one an ellipsis), or its header's.
    static let minimumCut = 8

    /// Natural widths fit into `limit` characters (no limit: every column at its natural width).
    init(natural: [Int], give: [Give], limit: Int?, names: [String]? = nil) {
        shown = Array(natural.indices)
        widths = natural
        guard let limit else { return }
        // A column cut further than this is better left out: a third of it, its header, at least minimumCut.
        let floors = natural.indices.map { index in
            min(natural[index], max(Self.minimumCut, natural[index] / 3, names?[index].count ?? 0))
        }
        while true {
            var current = natural
            var excess = shown.map { current[$0] }.reduce(0, +) + Self.gap * max(shown.count - 1, 0) - limit
            while excess > 0 {
                let cuttable = shown.filter { give[$0] == .cut && current[$0] > floors[$0] }
                guard let widest = cuttable.max(by: { current[$0] < current[$1] }) else { break }
                current[widest] -= 1
                excess -= 1
            }
            if excess <= 0 || shown.count == 1 {
                widths = current
                return
            }
            let candidates = shown.dropFirst()
            let ordinary = candidates.filter { !Self.keptLongest.contains(names?[$0] ?? "") }
            let left = ordinary.last(where: { Self.droppedFirst.contains(names?[$0] ?? "") })
                ?? ordinary.last(where: { give[$0] == .cut }) ?? ordinary.last(where: { give[$0] == .whole })
                ?? ordinary.last ?? candidates.last!
            // The dispositions go together: some of them would no longer add up to the messages.
            let group = Self.droppedFirst.contains(names?[left] ?? "") ? Self.droppedFirst : []
            shown.removeAll { $0 == left || group.contains(names?[$0] ?? "") }
        }
    }

    /// `text` within `width` characters: cut with "…" when longer.
    static func fit(_ text: String, width: Int) -> String {
        guard length(of: text) > width else { return text }
        return width <= 1 ? String(text.prefix(width)) : text.prefix(width - 1) + "…"
    }

    /// The characters of `text` (`count`): its bytes when all are ASCII but CR (CR LF is one character), found
    /// without walking its characters (a table of tens of thousands of cells measures each of them three times).
    static func length(of text: String) -> Int {
        let bytes = text.utf8
        return bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? bytes.count : text.count
    }
}
