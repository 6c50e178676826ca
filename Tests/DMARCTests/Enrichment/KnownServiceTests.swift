@testable import DMARC
import Testing

/// The known senders, read from Sources/DMARC/Enrichment/services.tsv.
@Suite("Known services")
struct KnownServiceTests {
    @Test("the data file: at least 150 services, every line of six fields, every category known")
    func dataFile() {
        #expect(KnownService.all.count >= 150)
        let catalog = KnownService.Catalog(text: String(decoding: PackageResources.services_tsv, as: UTF8.self))
        #expect(catalog.malformedLines.isEmpty)
        let categories: Set<String> = ["mailbox", "business-mail", "esp", "marketing", "crm", "ticketing", "hr",
                                       "commerce", "security", "hosting", "dev", "collaboration", "finance", "forms",
                                       "events", "social", "other"]
        for service in KnownService.all { #expect(categories.contains(service.category), "\(service)") }
        #expect(KnownService.all.filter { $0.category == "ticketing" }.count >= 10)
        #expect(KnownService.all.filter { $0.category == "hr" }.count >= 10)
    }

    @Test func byTheDomainsTheyAuthenticateAs() {
        #expect(KnownService.named(by: "bounce.sendgrid.net") == "SendGrid")
        #expect(KnownService.named(by: "eu-west-1.amazonses.com") == "Amazon SES")
        #expect(KnownService.named(by: "example.com") == nil)
        #expect(KnownService.named(by: "Zendesk.COM.") == "Zendesk")
        #expect(KnownService.named(by: "myworkday.com") == "Workday")
        #expect(KnownService.mailboxServices.isSuperset(of: ["Gmail", "Outlook.com", "Yahoo", "AOL Mail", "iCloud Mail"]))
    }

    @Test("by reverse DNS name, the longest listed suffix winning")
    func byHostName() {
        #expect(KnownService.service(host: "o1.ptr1234.sendgrid.net")?.name == "SendGrid")
        #expect(KnownService.service(host: "mail-eopbgr.outbound.protection.outlook.com")?.name == "Microsoft 365")
        #expect(KnownService.service(host: "mo1.mail.ovh.net")?.name == "OVHcloud Mail")
        #expect(KnownService.service(host: "ns1.ip-1-2-3.eu.ovh.net")?.name == "OVHcloud")
        #expect(KnownService.service(host: "ec2-1-2-3-4.compute-1.amazonaws.com")?.isHosting == true)
        #expect(KnownService.service(host: "mail.example.com") == nil)
    }

    @Test("by network: the AS domain, else the AS number")
    func byNetwork() {
        #expect(KnownService.service(network: NetworkFacts(asDomain: "sendgrid.com"))?.name == "SendGrid")
        #expect(KnownService.service(network: NetworkFacts(asn: 11377))?.name == "SendGrid")
        #expect(KnownService.service(network: NetworkFacts(asn: 15169, asDomain: "google.com")) == nil)
    }
}
