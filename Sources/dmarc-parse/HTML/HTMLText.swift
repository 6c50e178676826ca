/// Text for the HTML report: escaping (every string from a report is untrusted) and number formats.
enum HTMLText {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` escaped, control characters dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n": escaped += " "
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// 41230 → `41,230`.
    static func grouped(_ number: UInt64) -> String { AuditView.grouped(number) }
    static func grouped(_ number: Int) -> String { AuditView.grouped(UInt64(max(0, number))) }

    /// `part` of `whole` in percent with one decimal (`97.3 %`); `–` when there is nothing to share.
    static func percent(_ part: UInt64, of whole: UInt64) -> String {
        whole == 0 ? "–" : formatDecimal(share(part, of: whole), digits: 1) + " %"
    }

    /// The share in percent, 0 when `whole` is 0.
    static func share(_ part: UInt64, of whole: UInt64) -> Double {
        Percentage.of(part, whole)
    }

    /// A number as an SVG coordinate (one decimal).
    static func coordinate(_ value: Double) -> String { formatDecimal(value, digits: 1) }
}
