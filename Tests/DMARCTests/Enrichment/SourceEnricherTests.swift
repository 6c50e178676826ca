import DMARC
import Testing

/// `SourceEnricher`: databases in order, reverse DNS answers, and the service named from them.
@Suite("Source enricher")
struct SourceEnricherTests {
    private let opened = IPDatabases.open([fixture("enrichment/geolite2-country.mmdb"),
                                           fixture("enrichment/ipinfo-lite.mmdb")])

    @Test("a later database fills what an earlier one lacks; the first answer wins")
    func databasesInOrder() {
        let enricher = SourceEnricher(databases: opened.databases)
        let known = enricher.enrichment(for: IPAddress("192.0.2.200")!)  // not in the country file
        #expect(known.country == "US")
        #expect(known.asn == 64500)
        #expect(known.ptr == nil && known.ptrConfirmed == nil)
        let sendGrid = enricher.enrichment(for: IPAddress("198.51.100.7")!)
        #expect(sendGrid.country == "DE" && sendGrid.asDomain == "sendgrid.com")
        #expect(sendGrid.service == "SendGrid")  // by its AS domain
        #expect(enricher.enrichment(for: SourceIP(reportText: "xxx.xxx.xxx.xxx")) == SourceEnrichment())
    }

    @Test("a PTR name names a service only when forward-confirmed")
    func reverseNames() {
        let confirmed = IPAddress("203.0.113.5")!, unconfirmed = IPAddress("203.0.113.6")!
        let enricher = SourceEnricher(databases: [], reverseNames: [
            confirmed: ReverseName(name: "o1.ptr42.sendgrid.net", confirmed: true),
            unconfirmed: ReverseName(name: "mail.zendesk.com", confirmed: false),
        ])
        let first = enricher.enrichment(for: confirmed)
        #expect(first.ptr == "o1.ptr42.sendgrid.net" && first.ptrConfirmed == true && first.service == "SendGrid")
        #expect(first.label == "SendGrid")
        let second = enricher.enrichment(for: unconfirmed)
        #expect(second.ptr == "mail.zendesk.com" && second.ptrConfirmed == false && second.service == nil)
        #expect(second.label == nil)
    }

    @Test("whose a source is: a confirmed PTR name or an AS domain under the header_from's organisation")
    func belonging() {
        #expect(SourceEnrichment(ptr: "mx1.mail.example.com", ptrConfirmed: true).belongs(to: "news.example.com"))
        #expect(!SourceEnrichment(ptr: "mx1.mail.example.com", ptrConfirmed: false).belongs(to: "example.com"))
        #expect(SourceEnrichment(network: NetworkFacts(asDomain: "example.com")).belongs(to: "example.com"))
        #expect(!SourceEnrichment(network: NetworkFacts(asDomain: "example.net")).belongs(to: "example.com"))
    }

    @Test("warnings are handed out once")
    func warningsOnce() {
        let opened = IPDatabases.open([fixture("enrichment/truncated.mmdb")])
        let enricher = SourceEnricher(databases: opened.databases, warnings: opened.warnings)
        #expect(enricher.takeWarnings().count == 1)
        #expect(enricher.takeWarnings().isEmpty)
    }
}
