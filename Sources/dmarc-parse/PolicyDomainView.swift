import DMARC

/// `--domains`: one row per policy domain, what an admin checks before tightening the policy.
enum PolicyDomainView {
    static let columns: [Table.Column] = [
        .text("policy_domain"), .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"),
        .number("pass_percent"), .number("spf_aligned_percent"), .number("dkim_aligned_percent"),
        .text("p"), .text("sp"), .text("np"), .text("pct"), .text("testing"),
        .number("senders_needing_action"),
    ]

    static func table(_ tally: AuditTally, audit: SenderAudit) -> Table {
        var table = Table(columns: columns)
        let rows = tally.policyDomains.sorted {
            ($0.value.totals.messages, $1.key) > ($1.value.totals.messages, $0.key)
        }
        for (domain, totals) in rows {
            let messages = totals.totals
            table.rows.append([
                .text(domain), .number(messages.messages), .number(messages.dmarcPass), .number(messages.dmarcFail),
                percent(messages.dmarcPass, of: messages.messages), percent(messages.spfPass, of: messages.messages),
                percent(messages.dkimPass, of: messages.messages),
                .list(totals.policies.sorted(), separator: ","), .list(totals.subdomainPolicies.sorted(), separator: ","),
                .list(totals.nonexistentSubdomainPolicies.sorted(), separator: ","),
                .list(totals.percentages.sorted(), separator: ","),
                .list(totals.testing.sorted(), separator: ","),
                .number(UInt64(audit.sendersNeedingAction(under: domain))),
            ])
        }
        return table
    }

    /// `part` of `whole` as a percentage with one decimal; null when there is no message.
    static func percent(_ part: UInt64, of whole: UInt64) -> Cell {
        whole == 0 ? .missing : .decimal(Percentage.of(part, whole), digits: 1)
    }
}
