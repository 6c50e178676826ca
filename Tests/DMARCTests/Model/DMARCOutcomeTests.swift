import DMARC
import Foundation
import Testing

/// The one DMARC result rule (`DMARCOutcome`): `policy_evaluated` when it has both results, else derived from
/// `auth_results` with the policy's alignment.
@Suite("DMARC result rule")
struct DMARCOutcomeTests {
    private func record(dkim: DMARCResult?, spf: DMARCResult?, headerFrom: String = "example.com",
                        dkimAuth: [(String, DKIMResult)] = [], spfAuth: [(String, String, SPFResult)] = []) -> Record {
        Record(sourceIP: SourceIP(reportText: "192.0.2.1"), count: 5,
               policyEvaluated: PolicyEvaluated(disposition: .none, dkim: dkim, spf: spf),
               identifiers: Identifiers(headerFrom: headerFrom),
               authResults: AuthResults(dkim: dkimAuth.map { DKIMAuthResult(domain: $0.0, result: $0.1) },
                                        spf: spfAuth.map { SPFAuthResult(domain: $0.0, scope: $0.1, result: $0.2) }))
    }

    private let relaxed = PolicyPublished(domain: "example.com")
    private let strict = PolicyPublished(domain: "example.com", adkim: .strict, aspf: .strict)

    @Test func policyEvaluatedIsTheReceiversWordWhenComplete() {
        // auth_results pass and align, but the receiver said fail: its word counts.
        let said = record(dkim: .fail, spf: .fail, dkimAuth: [("example.com", .pass)])
        #expect(said.dmarcOutcome(under: relaxed) == DMARCOutcome(dkimPasses: false, spfPasses: false, source: .policyEvaluated))
        #expect(record(dkim: .pass, spf: .fail).dmarcOutcome(under: relaxed).passes)
    }

    @Test func missingResultsAreDerivedFromAuthResults() {
        let old = record(dkim: nil, spf: nil, dkimAuth: [("mail.example.com", .pass)], spfAuth: [("other.example", "mfrom", .pass)])
        #expect(old.dmarcOutcome(under: relaxed) == DMARCOutcome(dkimPasses: true, spfPasses: false, source: .authResults))
        #expect(!old.failsDMARC(under: relaxed))
        // Strict DKIM alignment needs the exact domain.
        #expect(old.failsDMARC(under: strict))
        // Nothing passes: fails, derived.
        let nothing = record(dkim: nil, spf: nil, spfAuth: [("example.com", "mfrom", .softfail)])
        #expect(nothing.dmarcOutcome(under: relaxed) == DMARCOutcome(dkimPasses: false, spfPasses: false, source: .authResults))
        #expect(record(dkim: nil, spf: nil).failsDMARC)
    }

    @Test func aGivenResultIsKeptAndOnlyTheMissingOneDerived() {
        let half = record(dkim: .fail, spf: nil, dkimAuth: [("example.com", .pass)], spfAuth: [("bounce.example.com", "mfrom", .pass)])
        #expect(half.dmarcOutcome(under: relaxed) == DMARCOutcome(dkimPasses: false, spfPasses: true, source: .authResults))
        #expect(half.dmarcOutcome(under: strict) == DMARCOutcome(dkimPasses: false, spfPasses: false, source: .authResults))
    }

    @Test func heloCountsOnlyWithoutAMailFromResult() {
        let heloOnly = record(dkim: nil, spf: nil, spfAuth: [("mail.example.com", "helo", .pass)])
        #expect(!heloOnly.failsDMARC(under: relaxed))
        let both = record(dkim: nil, spf: nil, spfAuth: [("mail.example.com", "helo", .pass), ("other.example", "mfrom", .pass)])
        #expect(both.failsDMARC(under: relaxed))
    }

    @Test func totalsCountByTheRule() {
        var totals = MessageTotals()
        totals.add(record(dkim: nil, spf: nil, dkimAuth: [("example.com", .pass)]), policy: relaxed)
        totals.add(record(dkim: .fail, spf: .pass), policy: relaxed)
        totals.add(record(dkim: nil, spf: nil), policy: relaxed)
        #expect([totals.messages, totals.dmarcPass, totals.dmarcFail, totals.dkimPass, totals.spfPass] == [15, 10, 5, 5, 5])
    }

    /// Reading only what totals need still reads `auth_results` for a record whose `policy_evaluated` lacks a result,
    /// and only for it.
    @Test func leanReadingKeepsAuthResultsWhereTheResultIsDerived() throws {
        let xml = """
            <feedback><report_metadata><org_name>AOL</org_name><report_id>r</report_id>\
            <date_range><begin>1735689600</begin><end>1735775999</end></date_range></report_metadata>
            <policy_published><domain>example.com</domain></policy_published>
            <record><row><source_ip>192.0.2.1</source_ip><count>2</count><policy_evaluated><disposition>none</disposition>
            </policy_evaluated></row><identifiers><header_from>example.com</header_from></identifiers>
            <auth_results><dkim><domain>example.com</domain><result>pass</result></dkim></auth_results></record>
            <record><row><source_ip>192.0.2.2</source_ip><count>3</count><policy_evaluated><disposition>none</disposition>
            <dkim>fail</dkim><spf>pass</spf></policy_evaluated></row><identifiers><header_from>example.com</header_from>
            </identifiers><auth_results><spf><domain>example.com</domain><result>pass</result></spf></auth_results></record>
            </feedback>
            """
        let report = try #require(try ReportReader(content: .policyEvaluated).reports(in: Data(xml.utf8)).first)
        #expect(report.records.map(\.authResults.dkim.count) == [1, 0])
        #expect(report.records.map(\.authResults.spf.count) == [0, 0])
        #expect(report.records.map { $0.failsDMARC(under: report.policy) } == [false, false])
    }
}
