@testable import DMARC
import Testing

@Suite("Sender verdict")
struct SenderVerdictTests {
    @Test("the top sources are the first of all the sources, ties and all")
    func topSourcesArePrefixOfSources() {
        var verdict = SenderVerdict(sender: .unknownSources, headerFrom: "example.com")
        var totals = MessageTotals()
        for n in 0..<300 {
            totals.messages = UInt64((n * 37) % 11)  // many ties, broken by the address text
            verdict.add(totals, from: SourceIP(reportText: "192.0.2.\(n % 256)"), diagnosis: .likelySpoofing)
            verdict.add(totals, from: SourceIP(reportText: "2001:db8::\(String(n, radix: 16))"), diagnosis: .aligned)
        }
        let all = verdict.sources
        for limit in [0, 1, 3, 10, 555, 556, 1000] {
            let top = verdict.topSources(limit)
            #expect(top.map(\.source) == all.prefix(limit).map(\.source), "\(limit)")
            #expect(top.map(\.messages) == all.prefix(limit).map(\.messages), "\(limit)")
        }
    }
}
