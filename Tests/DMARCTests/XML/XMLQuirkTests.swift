import DMARC
import Foundation
import Testing

/// What reporters really write: namespaces or none, any version, RFC 9990 elements anywhere, unknown elements,
/// CDATA, comments, declared encodings and bad bytes (`XML/`).
@Suite("XML quirks of real reporters")
struct XMLQuirkTests {
    static let januaryFirst = DateRange(begin: 1735689600, end: 1735775999)

    @Test func rfc9990Report() throws {
        let report = try Fixture.report("quirks/rfc9990.xml")
        #expect(report.schema == .rfc9990)
        #expect(report.version == "1.0")
        #expect(report.metadata == ReportMetadata(
            orgName: "mx.example.net", email: "dmarc-reports@example.net",
            extraContactInfo: "https://example.net/dmarc", reportID: "rfc9990-1", dateRange: Self.januaryFirst,
            errors: ["DNS timeout looking up _dmarc.shop.example.com"], generator: "Example Reporter 2.1"))
        #expect(report.policy == PolicyPublished(
            domain: "example.com", adkim: .strict, aspf: .relaxed, p: .quarantine, sp: PolicyAction.none, np: .reject,
            testing: "y", discoveryMethod: "treewalk"))
        // The <extension> and the record-level <x:arc> hold look-alike rows; none of them counts.
        #expect(report.records.count == 3)
        #expect(report.messageCount == 17)
        #expect(report.messagesBySourceIP == ["2001:db8::1:25": 12, "203.0.113.7": 4, "198.51.100.40": 1])
        #expect(report.records[0] == Record(
            sourceIP: SourceIP(reportText: "2001:db8::1:25"), count: 12,
            policyEvaluated: PolicyEvaluated(disposition: .pass, dkim: .pass, spf: .pass),
            identifiers: Identifiers(headerFrom: "example.com", envelopeFrom: "example.com", envelopeTo: "example.org"),
            authResults: AuthResults(
                dkim: [DKIMAuthResult(domain: "example.com", selector: "2025a", result: .pass,
                                      humanResult: "good signature")],
                spf: [SPFAuthResult(domain: "example.com", scope: "mfrom", result: .pass)])))
        #expect(report.records[1] == Record(
            sourceIP: SourceIP(reportText: "203.0.113.7"), count: 4,
            policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: .fail, spf: .fail,
                                             reasons: [OverrideReason(type: .policyTestMode, comment: "t=y")]),
            identifiers: Identifiers(headerFrom: "example.com"),
            authResults: AuthResults(
                spf: [SPFAuthResult(domain: "example.com", result: .fail, humanResult: "not permitted")])))
        #expect(report.records[2] == Record(
            sourceIP: SourceIP(reportText: "198.51.100.40"), count: 1,
            policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: .pass, spf: .fail, reasons: [
                OverrideReason(type: .trustedForwarder),
                OverrideReason(type: .localPolicy, comment: "arc=pass as.1.example.org"),
            ]),
            identifiers: Identifiers(headerFrom: "shop.example.com"),
            authResults: AuthResults(
                dkim: [DKIMAuthResult(domain: "shop.example.com", selector: "s1", result: .pass),
                       DKIMAuthResult(domain: "lists.example.org", selector: "lists", result: .pass)],
                spf: [SPFAuthResult(domain: "lists.example.org", scope: "mfrom", result: .pass)])))
        #expect(report.records.map(\.failsDMARC) == [false, true, false])
    }

    @Test(arguments: [
        ("quirks/version-absent.xml", nil, ReportSchema.draft),
        ("quirks/version-0.1.xml", "0.1", .draft),
        ("quirks/version-1.0.xml", "1.0", .rfc7489),
        ("quirks/version-2.0.xml", "2.0", .rfc9990),
    ] as [(String, String?, ReportSchema)])
    func everyVersionReads(_ name: String, _ version: String?, _ schema: ReportSchema) throws {
        let report = try Fixture.report(name)
        #expect(report.version == version)
        #expect(report.schema == schema)
        #expect(report.records.count == 1)
        #expect(report.messagesBySourceIP == ["192.0.2.1": 1])
    }

    @Test(arguments: [
        ("quirks/version-1.0.xml", ReportSchema.rfc7489, "example.org", 1),
        ("quirks/namespace-dmarc-0.1.xml", .rfc7489, "example.org", 5),
        ("quirks/rfc9990.xml", .rfc9990, "mx.example.net", 17),
        ("quirks/namespace-microsoft.xml", .rfc7489, "Enterprise Outlook", 3),
        ("quirks/prefixed-elements.xml", .rfc7489, "example.org", 6),
    ] as [(String, ReportSchema, String, UInt64)])
    func everyNamespaceReads(_ name: String, _ schema: ReportSchema, _ orgName: String, _ messages: UInt64) throws {
        let report = try Fixture.report(name)
        #expect(report.schema == schema)
        #expect(report.metadata.orgName == orgName)
        #expect(report.messageCount == messages)
        #expect(report.policy.domain == "example.com")
    }

    @Test func microsoftDeclarationsAndEnvelopeTo() throws {
        let report = try Fixture.report("quirks/namespace-microsoft.xml")
        #expect(report.metadata.dateRange == DateRange(begin: 1735689600, end: 1735776000))
        #expect(report.policy == PolicyPublished(domain: "example.com", adkim: .relaxed, aspf: .relaxed,
                                                 p: PolicyAction.none, sp: PolicyAction.none, pct: 100, fo: "1"))
        #expect(report.records.map(\.identifiers) == [
            Identifiers(headerFrom: "example.com", envelopeFrom: "example.com", envelopeTo: "example.org"),
            Identifiers(headerFrom: "example.com", envelopeFrom: "example.com", envelopeTo: "example.net"),
        ])
        #expect(report.records.map(\.authResults.dkim) == Array(repeating: [
            DKIMAuthResult(domain: "example.com", selector: "selector1", result: .pass)], count: 2))
    }

    @Test func prefixedElements() throws {
        let report = try Fixture.report("quirks/prefixed-elements.xml")
        #expect(report.version == "1.0")
        #expect(report.metadata.reportID == "prefixed-1")
        #expect(report.metadata.dateRange == Self.januaryFirst)
        #expect(report.policy.p == .quarantine)
        let record = try #require(report.records.first)
        #expect(record.sourceIP.text == "198.51.100.5")
        #expect(record.policyEvaluated == PolicyEvaluated(disposition: .quarantine, dkim: .fail, spf: .fail))
        #expect(record.identifiers.headerFrom == "example.com")
        #expect(record.authResults == AuthResults(spf: [SPFAuthResult(domain: "example.com", result: .fail)]))
    }

    /// Google sends RFC 9990's `<np>` in reports that are otherwise pre-RFC.
    @Test func rfc9990ElementsInALegacyReport() throws {
        let report = try Fixture.report("quirks/legacy-with-np.xml")
        #expect(report.schema == .draft)
        #expect(report.version == nil)
        #expect(report.policy == PolicyPublished(domain: "example.com", adkim: .relaxed, aspf: .relaxed, p: .reject,
                                                 sp: .reject, np: .quarantine, pct: 100, testing: "n",
                                                 discoveryMethod: "psl"))
        #expect(report.metadata.extraContactInfo == "https://support.google.com/a/answer/2466580")
        let record = try #require(report.records.first)
        #expect(record.identifiers == Identifiers(headerFrom: "example.com"))
        #expect(record.authResults.dkim == [DKIMAuthResult(domain: "example.com", selector: "google", result: .pass)])
        #expect(record.authResults.spf == [SPFAuthResult(domain: "example.com", result: .pass)])
    }

    /// Unknown elements, and everything inside them, are skipped wherever they are, even when they hold elements
    /// named like report elements.
    @Test func unknownElementsAndExtensionsAreSkipped() throws {
        let report = try Fixture.report("quirks/unknown-elements.xml")
        #expect(report.metadata.orgName == "example.net")
        #expect(report.metadata.reportID == "unknown-elements-1")
        #expect(report.metadata.dateRange == Self.januaryFirst)
        #expect(report.policy == PolicyPublished(domain: "example.com", p: PolicyAction.none))
        #expect(report.records == [Record(
            sourceIP: SourceIP(reportText: "192.0.2.33"), count: 2,
            policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: .pass, spf: .fail),
            identifiers: Identifiers(headerFrom: "example.com"),
            authResults: AuthResults(dkim: [DKIMAuthResult(domain: "example.com", result: .pass)],
                                     spf: [SPFAuthResult(domain: "example.com", result: .fail)]))])
    }

    @Test func textIsTrimmedAndCDATACommentsAndReferencesRead() throws {
        let report = try Fixture.report("quirks/text-cdata-comments.xml")
        #expect(report.metadata == ReportMetadata(
            orgName: "Example & Co <Mail>", email: "dmarc@example.org", extraContactInfo: "AT&T é€ <support>",
            reportID: "r-42", dateRange: DateRange(begin: 1735689600, end: 1735775999)))
        #expect(report.policy.domain == "example.com")
        #expect(report.records == [Record(
            sourceIP: SourceIP(reportText: "192.0.2.9"), count: 3,
            policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: .pass, spf: .fail),
            identifiers: Identifiers(headerFrom: "example.com"),
            authResults: AuthResults(dkim: [DKIMAuthResult(domain: "example.com", result: .pass,
                                                           humanResult: "good   signature")]))])
    }

    @Test(arguments: [
        ("quirks/iso-8859-1.xml", "Bücherstube Müller & Söhne"),
        ("quirks/windows-1252.xml", "“Smart” Mail – €uro"),
    ])
    func declaredEncodingsAreHonoured(_ name: String, _ orgName: String) throws {
        let report = try Fixture.report(name)
        #expect(report.metadata.orgName == orgName)
        #expect(report.messagesBySourceIP == ["192.0.2.1": 1])
    }

    /// AOL declares windows-1252 and writes ASCII.
    @Test func windows1252DeclaredASCIIWritten() throws {
        let report = try Fixture.report("quirks/aol-no-policy-results.xml")
        #expect(report.metadata.orgName == "AOL")
    }

    /// A byte that is no UTF-8 becomes U+FFFD, with a warning; the text around it, before and after, is intact.
    @Test func invalidUTF8IsReplaced() throws {
        let reading = Fixture.read("quirks/invalid-utf-8.xml")
        #expect(reading.errors.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.metadata.orgName == "Mailhaus Zürich")
        #expect(report.records.first?.identifiers.headerFrom == "bad_byte\u{FFFD}.example.com")
        #expect(report.records.first?.authResults.dkim == [
            DKIMAuthResult(domain: "example.com", selector: "s1", result: .pass, humanResult: "Grüße aus Zürich")])
        #expect(report.messageCount == 1)
        #expect(reading.warningLines == [
            "quirks/invalid-utf-8.xml: warning: malformed XML read in recovery mode (line 21: Input is not proper UTF-8, indicate encoding ! Bytes: 0x91 0x2E 0x65 0x78)",
        ])
    }
}
