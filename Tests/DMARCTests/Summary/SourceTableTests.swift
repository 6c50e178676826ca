import DMARC
import Foundation
import Testing

/// `SourceTable`, the per-source totals of `-s`: one row per address (masked text too), reporters and
/// `header_from` domains as sets, the same totals whichever way reports are split over threads.
@Suite("Per-source totals: the flat table keyed by the address")
struct SourceTableTests {
    /// A report from `reporter` whose records are (source, count, header_from).
    static func report(_ reporter: String, id: String, records: [(String, Int, String)]) -> Data {
        let rows = records.map { source, count, headerFrom in
            "<record><row><source_ip>\(source)</source_ip><count>\(count)</count><policy_evaluated>"
                + "<disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated></row>"
                + "<identifiers><header_from>\(headerFrom)</header_from></identifiers></record>"
        }.joined()
        return Data(("<feedback><report_metadata><org_name>\(reporter)</org_name><report_id>\(id)</report_id>"
            + "<date_range><begin>1735689600</begin><end>1735775999</end></date_range></report_metadata>"
            + "<policy_published><domain>example.com</domain><p>none</p></policy_published>\(rows)</feedback>").utf8)
    }

    /// Totals of `reports` read one after another by one summarizer, or split over several and merged.
    static func totals(_ reports: [Data], split: Int = 1) -> ReportTotals {
        var merged = ReportTotals()
        for part in 0..<split {
            let summarizer = ReportSummarizer(details: .sources)
            let counter = ReportCounter(filter: ReportFilter(), registry: ReportRegistry(), view: summarizer)
            for (index, report) in reports.enumerated() where index % split == part {
                ReportReader(content: .policyEvaluated).read(report, name: "r\(index).xml", into: counter)
            }
            merged.merge(summarizer.takeTotals())
        }
        return merged
    }

    @Test func oneRowPerAddressWithReportersAndDomainsAsSets() {
        let totals = Self.totals([
            Self.report("b.example", id: "1", records: [("192.0.2.1", 2, "Example.COM"), ("2001:db8::1", 1, "example.com"),
                                                         ("192.0.2.1", 3, "example.com")]),
            Self.report("a.example", id: "2", records: [("192.0.2.1", 5, "shop.example.com"),
                                                         ("xxx.xxx.xxx.xxx", 4, "example.com")]),
        ])
        let table = totals.sourceTable
        #expect(table.count == 3)
        let rows = table.sortedOrder().map { index in
            (table.rows[index].source.text, table.rows[index].totals.messages, table.reporters(of: table.rows[index]),
             table.domains(of: table.rows[index]))
        }
        #expect(rows.map(\.0) == ["192.0.2.1", "xxx.xxx.xxx.xxx", "2001:db8::1"])
        #expect(rows.map(\.1) == [10, 4, 1])
        #expect(rows[0].2 == ["a.example", "b.example"])
        #expect(rows[0].3 == ["example.com", "shop.example.com"])  // lower-cased once per report, each once
        #expect(totals.sources[SourceIP(reportText: "xxx.xxx.xxx.xxx")]?.reporters == ["a.example"])
    }

    /// Ties of messages go by the address's text, byte by byte (as `sort` would order the strings' UTF-8).
    @Test func tiesSortByTheText() {
        // The last five share their first 24 bytes or more: the whole texts decide.
        let sources = ["198.51.100.10", "198.51.100.9", "2001:db8::a", "2001:db8::1:0:0:1", "192.0.2.200", "10.0.0.1",
                       "2001:db8:1234:5678:9abc:def0:1:2", "2001:db8:1234:5678:9abc:def0:1:10",
                       "2001:db8:1234:5678:9abc:def0:1:1", "2001:db8:1234:5678:9abc:def0:10:1",
                       "2001:db8:1234:5678:9abc:def0:1:ffff"]
        let totals = Self.totals([Self.report("r", id: "1", records: sources.map { ($0, 1, "example.com") })])
        let table = totals.sourceTable
        let texts = table.sortedOrder().map { table.rows[$0].source.text }
        #expect(texts == texts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(Set(texts) == Set(sources))
    }

    /// 20,000 sources over 40 reports: the same rows and totals in one table as split over three and merged.
    @Test func manySourcesSplitOrNotGiveTheSameTotals() {
        let reports = (0..<40).map { report in
            Self.report("r\(report % 3)", id: "\(report)", records: (0..<500).map { record in
                let host = (report * 500 + record) % 20_000
                return ("198.18.\(host >> 8).\(host & 0xFF)", 1 + record % 7, "example.com")
            })
        }
        let one = Self.totals(reports)
        let three = Self.totals(reports, split: 3)
        #expect(one.sourceTable.count == 20_000)
        #expect(one.sources == three.sources)
        #expect(one.sourceTable.sortedOrder().map { one.sourceTable.rows[$0].source.text }
            == three.sourceTable.sortedOrder().map { three.sourceTable.rows[$0].source.text })
    }
}
