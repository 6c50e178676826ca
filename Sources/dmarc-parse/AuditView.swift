import DMARC

/// `--audit`: one row per sender and `header_from` domain, with a verdict and what to fix.
enum AuditView {
    static let columns: [Table.Column] = [
        .text("sender"), .text("header_from"), .text("verdict"), .number("sources"), .text("top_sources"),
        .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"), .number("pass_percent"), .text("action"),
    ]

    static func table(_ audit: SenderAudit) -> Table {
        var table = Table(columns: columns)
        for verdict in audit.verdicts {
            let sources = verdict.sources
            let top = sources.prefix(3).map { "\($0.source.text) (\($0.messages))" }
                + (sources.count > 3 ? ["+\(sources.count - 3) more"] : [])
            table.rows.append([
                .text(verdict.sender.name), .text(verdict.headerFrom), .text(verdict.diagnosis.verdict),
                .number(UInt64(sources.count)), .list(top, separator: ", "),
                .number(verdict.totals.messages), .number(verdict.totals.dmarcPass), .number(verdict.totals.dmarcFail),
                .decimal(verdict.passRate * 100, digits: 1), .text(verdict.diagnosis.action),
            ])
        }
        return table
    }

    /// The closing lines of the table format, in plain language.
    static func summary(_ audit: SenderAudit) -> String {
        let totals = audit.totals
        let share = totals.messages == 0 ? 0 : Double(totals.dmarcFail) / Double(totals.messages) * 100
        var text = "\n\(plural(audit.senderCount, "sender")), \(audit.sendersNeedingAction) need"
            + "\(audit.sendersNeedingAction == 1 ? "s" : "") action; "
            + "\(grouped(totals.dmarcFail)) of \(grouped(totals.messages)) messages "
            + "(\(formatDecimal(share, digits: 1)) %) fail DMARC and would be rejected under p=reject.\n"
        for verdict in audit.verdicts where verdict.diagnosis.needsAction {
            text += "- \(verdict.sender.name) sending as \(verdict.headerFrom): \(verdict.diagnosis.verdict): "
                + "\(verdict.diagnosis.action).\n"
        }
        return text
    }

    /// Stderr lines for `--fail-on-gaps`.
    static func gaps(_ audit: SenderAudit) -> [String] {
        audit.verdicts.filter { $0.diagnosis.needsAction }.map {
            "\($0.sender.name) sending as \($0.headerFrom): \($0.diagnosis.verdict) (\(grouped($0.totals.dmarcFail)) failing messages)"
        }
    }

    /// 41230 → `41,230`.
    static func grouped(_ number: UInt64) -> String {
        let digits = Array(String(number))
        return digits.enumerated().map { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : "\(digit)"
        }.joined()
    }
}
