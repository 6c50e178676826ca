import DMARC

/// `--timeline`: one row per period and policy domain.
enum TimelineView {
    static let columns: [Table.Column] = [
        .text("period"), .text("begin"), .text("domain"), .number("reports"), .number("reporters"),
        .number("sources"), .number("messages"), .number("dmarc_pass"), .number("dmarc_fail"),
        .number("pass_percent"), .number("spf_aligned_percent"), .number("dkim_aligned_percent"),
        .number("none"), .number("quarantine"), .number("reject"), .number("pass"), .text("p"), .text("pct"),
    ]

    static func table(_ timeline: Timeline?) -> Table {
        var table = Table(columns: columns)
        guard let timeline else { return table }
        var all = TimelineCounts()
        let rows = timeline.rows  // made when asked for: once
        for row in rows {
            let counts = row.counts
            table.rows.append([
                .text(row.label), .time(row.start), .text(row.domain), .number(UInt64(row.reports)),
                .number(UInt64(row.reporters)), .number(UInt64(row.sources)),
                .number(counts.messages), .number(counts.dmarcPass), .number(counts.dmarcFail),
                percent(counts.dmarcPass, of: counts.messages), percent(counts.spfAligned, of: counts.messages),
                percent(counts.dkimAligned, of: counts.messages),
                .number(counts.dispositionNone), .number(counts.dispositionQuarantine),
                .number(counts.dispositionReject), .number(counts.dispositionPass),
                .list(Array(Set(row.policies.compactMap(\.p))).sorted(), separator: ","),
                .list(Array(Set(row.policies.compactMap(\.pct))).sorted().map(String.init), separator: ","),
            ])
            all.add(counts)
        }
        if !table.rows.isEmpty {
            let periods = Set(rows.map(\.start)).count
            table.totals = [.text("total"), .text(plural(periods, timeline.calendar.length.rawValue)),
                            .text(plural(timeline.domains.count, "domain")), .missing, .missing, .missing,
                            .number(all.messages), .number(all.dmarcPass), .number(all.dmarcFail),
                            percent(all.dmarcPass, of: all.messages), percent(all.spfAligned, of: all.messages),
                            percent(all.dkimAligned, of: all.messages), .number(all.dispositionNone),
                            .number(all.dispositionQuarantine), .number(all.dispositionReject),
                            .number(all.dispositionPass), .missing, .missing]
        }
        return table
    }

    /// A share in percent with one decimal; absent when there is nothing to share (no invented 0 or 100).
    static func percent(_ part: UInt64, of whole: UInt64) -> Cell {
        whole == 0 ? .missing : .decimal(Percentage.of(part, whole), digits: 1)
    }
}
