@testable import dmarc_parse
import Testing

/// The rule that fits a table to a terminal, on made-up widths.
@Suite("Table layout")
struct TableLayoutTests {
    @Test("a cell's length is its count of characters, whatever the text")
    func lengthIsTheCharacterCount() {
        let texts = ["", "a", "192.0.2.1 (35), 192.0.2.2 (3), +12 more", "a\r\nb", "\r", "\r\n", "e\u{301}",
                     "éxample.fr", "👍🏽 ok", "tab\there", String(repeating: "x", count: 300)]
        for text in texts {
            #expect(TableLayout.length(of: text) == text.count, "\(text.debugDescription)")
        }
    }

    @Test("no limit, or enough room: every column at its natural width")
    func fits() {
        let natural = [10, 5, 30]
        for limit in [nil, 49, 200] as [Int?] {
            let layout = TableLayout(natural: natural, give: [.cut, .number, .cut], limit: limit)
            #expect(layout.widths == natural && layout.hidden.isEmpty)
        }
    }

    @Test("the widest text column is cut first, down to a third of it; numbers and times never")
    func cutsWidestFirst() {
        let layout = TableLayout(natural: [20, 20, 60, 8], give: [.cut, .whole, .cut, .number], limit: 90)
        #expect(layout.hidden.isEmpty)
        #expect(layout.widths == [20, 20, 36, 8])
        let both = TableLayout(natural: [40, 40, 8], give: [.cut, .cut, .number], limit: 60)
        #expect(both.widths == [24, 24, 8])
    }

    @Test("when cutting is not enough: text columns left out from the right, then times, then numbers")
    func leavesOut() {
        let give: [TableLayout.Give] = [.cut, .whole, .number, .cut, .cut]
        let layout = TableLayout(natural: [10, 20, 6, 30, 30], give: give, limit: 50)
        #expect(layout.hidden == [4])
        #expect(layout.widths == [8, 20, 6, 10, 30])
        let narrower = TableLayout(natural: [10, 20, 6, 30, 30], give: give, limit: 30)
        #expect(narrower.hidden == [1, 3, 4])
        #expect(narrower.widths[0] + 2 + narrower.widths[2] <= 30)
    }

    @Test("the first column and the pass/fail columns are kept longest")
    func keptLongest() {
        let names = ["sender", "verdict", "note", "messages", "pass_percent"]
        let give: [TableLayout.Give] = [.cut, .cut, .cut, .number, .number]
        let layout = TableLayout(natural: [30, 30, 30, 8, 12], give: give, limit: 40, names: names)
        #expect(layout.hidden == [2, 4])
        #expect(!layout.hidden.contains(0) && !layout.hidden.contains(1))
    }

    @Test("a cut cell ends in an ellipsis and keeps its width")
    func fitText() {
        #expect(TableLayout.fit("Enterprise Outlook", width: 11) == "Enterprise…")
        #expect(TableLayout.fit("short", width: 11) == "short")
        #expect(TableLayout.fit("abc", width: 1) == "a")
    }
}
