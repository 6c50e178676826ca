import DMARC

/// `--dkim`: one row per DKIM signing domain and selector, with the receivers' results: which keys are in use and
/// which fail.
enum DKIMKeyView {
    static let columns: [Table.Column] = [
        .text("dkim_domain"), .text("selector"), .number("messages"), .number("pass"), .number("fail"),
        .number("other"), .number("pass_percent"), .text("header_from"),
    ]

    static func table(_ tally: AuditTally) -> Table {
        var table = Table(columns: columns)
        let rows = tally.dkimKeys.sorted {
            $0.value.messages != $1.value.messages ? $0.value.messages > $1.value.messages : $0.key < $1.key
        }
        for (key, totals) in rows {
            table.rows.append([
                .text(key.domain), key.selector.isEmpty ? .missing : .text(key.selector), .number(totals.messages),
                .number(totals.pass), .number(totals.fail), .number(totals.other),
                PolicyDomainView.percent(totals.pass, of: totals.messages),
                .list(totals.headerFromDomains.sorted(), separator: ","),
            ])
        }
        return table
    }
}
