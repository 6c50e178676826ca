import DMARC

/// How a cell of the table format stands out on a color terminal: passing green, failing red, a verdict that
/// needs action highlighted. Decided here from the column's name and the cell, for every view alike.
enum CellEmphasis {
    case good, bad, attention

    /// The emphasis of `cell` in the column named `column`, if any.
    static func of(_ cell: Cell, in column: String) -> CellEmphasis? {
        switch (column, cell) {
        case ("dmarc_pass", .number(let count)), ("dkim_pass", .number(let count)), ("spf_pass", .number(let count)):
            return count > 0 ? .good : nil
        case ("dmarc_fail", .number(let count)):
            return count > 0 ? .bad : nil
        case ("dkim", .text(let result)), ("spf", .text(let result)):
            // policy_evaluated results (--records)
            return result == "pass" ? .good : result == "fail" ? .bad : nil
        case ("verdict", .text(let verdict)):
            guard let diagnosis = Diagnosis.allCases.first(where: { $0.verdict == verdict }) else { return nil }
            if diagnosis.needsAction { return .attention }
            switch diagnosis {
            case .aligned: return .good
            case .likelySpoofing: return .bad
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The SGR escape that starts the emphasis; `reset` ends it.
    var escape: String {
        switch self {
        case .good: "\u{1B}[32m"
        case .bad: "\u{1B}[31m"
        case .attention: "\u{1B}[1;33m"
        }
    }

    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
}
