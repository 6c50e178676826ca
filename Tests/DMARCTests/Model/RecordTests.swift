import DMARC
import Foundation
import Testing

/// The typed model: records always an array, counts up to UInt64, and elements real reporters leave out read as
/// absent, not as errors (`Model/`).
@Suite("Records and what reporters leave out")
struct RecordTests {
    @Test func oneRecordIsAnArray() throws {
        let report = try Fixture.report("quirks/version-absent.xml")
        #expect(report.records.count == 1)
    }

    /// Old AOL reports have no `<dkim>`/`<spf>` in policy_evaluated: absent, and derived from auth_results
    /// (`DMARCOutcome`): the first record's DKIM and SPF pass for example.com, the second's nothing.
    @Test func policyResultsLeftOut() throws {
        let report = try Fixture.report("quirks/aol-no-policy-results.xml")
        #expect(report.policy == PolicyPublished(domain: "example.com", adkim: .relaxed, aspf: .relaxed, p: .reject,
                                                 sp: PolicyAction.none, pct: 100))
        #expect(report.records.map(\.policyEvaluated) == [
            PolicyEvaluated(disposition: Disposition.none),
            PolicyEvaluated(disposition: .reject),
        ])
        #expect(report.records.map { $0.failsDMARC(under: report.policy) } == [false, true])
        #expect(report.records.map { $0.dmarcOutcome(under: report.policy).source } == [.authResults, .authResults])
        #expect(report.messagesBySourceIP == ["192.0.2.42": 3, "203.0.113.13": 1])
        #expect(report.records[0].authResults == AuthResults(
            dkim: [DKIMAuthResult(domain: "example.com", result: .pass)],
            spf: [SPFAuthResult(domain: "example.com", result: .pass)]))
    }

    /// Google leaves out envelope_from, selector, sp, pct, adkim, aspf; some leave out disposition or auth_results.
    @Test func optionalElementsLeftOut() throws {
        // A record without a disposition (which both schemas require) is read; the reader says it shows in no
        // disposition column.
        let report = try Fixture.report("quirks/omitted-elements.xml", warnings: [
            "1 record (1 message) without a disposition the RFCs define: counted in messages, in no disposition column",
        ])
        #expect(report.metadata.extraContactInfo == nil)
        #expect(report.metadata.errors == [])
        #expect(report.metadata.generator == nil)
        #expect(report.policy == PolicyPublished(domain: "example.com", p: PolicyAction.none))
        #expect(report.records == [
            Record(sourceIP: SourceIP(reportText: "192.0.2.45"), count: 8,
                   policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: .pass, spf: .pass),
                   identifiers: Identifiers(headerFrom: "example.com"),
                   authResults: AuthResults(dkim: [DKIMAuthResult(domain: "example.com", result: .pass)],
                                            spf: [SPFAuthResult(domain: "example.com", result: .pass)])),
            Record(sourceIP: SourceIP(reportText: "203.0.113.77"), count: 1,
                   policyEvaluated: PolicyEvaluated(dkim: .fail, spf: .fail),
                   identifiers: Identifiers(headerFrom: "example.com")),
        ])
    }

    @Test func countsBeyond32Bits() throws {
        let report = try Fixture.report("quirks/large-counts.xml")
        #expect(report.records.map(\.count) == [4_294_967_296, 5_000_000_000, 12, 0])
        #expect(report.messageCount == 9_294_967_308)
    }

    @Test func largestCount() throws {
        let document = InlineReport.oneRecord(count: "<count>9007199254740991</count>")
        let report = try #require(try ReportReader().reports(in: Data(document.utf8)).first)
        #expect(report.records.map(\.count) == [(1 << 53) - 1])
    }

    @Test func failsDMARCNeedsBothAlignedResultsToFail() {
        func record(_ dkim: DMARCResult?, _ spf: DMARCResult?) -> Record {
            Record(sourceIP: SourceIP(reportText: "192.0.2.1"), count: 1,
                   policyEvaluated: PolicyEvaluated(dkim: dkim, spf: spf))
        }
        #expect(!record(.pass, .fail).failsDMARC)
        #expect(!record(.fail, .pass).failsDMARC)
        #expect(!record(.pass, nil).failsDMARC)
        #expect(record(.fail, .fail).failsDMARC)
        #expect(record(nil, nil).failsDMARC)
        #expect(record(.unrecognised("softfail"), .fail).failsDMARC)
    }

    /// Who sent the report: org_name, or when it is empty, the domain of the e-mail address.
    @Test func reporterFallsBackToTheEmailDomain() {
        #expect(ReportMetadata(orgName: "google.com", email: "noreply-dmarc-support@google.com").reporter
            == "google.com")
        #expect(ReportMetadata(orgName: "", email: "administrator@example.net").reporter == "example.net")
        #expect(ReportMetadata(orgName: "", email: "").reporter == "")
    }

    @Test func fractionalTimestampsAreTruncated() throws {
        let report = try Fixture.report("quirks/text-cdata-comments.xml")
        #expect(report.metadata.dateRange.end == 1735775999)
        #expect(report.metadata.dateRange.beginDate == Date(timeIntervalSince1970: 1735689600))
    }

    /// A report survives JSON and back unchanged, unknown words and masked addresses included.
    @Test(arguments: ["quirks/rfc9990.xml", "quirks/vocabulary.xml", "quirks/source-ip-forms.xml"])
    func codableRoundTrip(_ name: String) throws {
        let warnings = ["quirks/vocabulary.xml": [VocabularyTests.undisposedWarning],
                        "quirks/source-ip-forms.xml": [IPAddressTests.unaddressedWarning]]
        let report = try Fixture.report(name, warnings: warnings[name] ?? [])
        let json = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(AggregateReport.self, from: json) == report)
    }
}
