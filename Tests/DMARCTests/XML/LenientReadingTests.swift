import DMARC
import Foundation
import Testing

/// What real reporters (and broken ones) write that the schemas do not, read as what it means, with a warning
/// where the reading is a judgement: addresses in brackets or with a port, dates in milliseconds, empty DKIM
/// entries and empty policy fields, absurd counts (`ReportBuilder`).
@Suite("Lenient reading of report values")
struct LenientReadingTests {
    static func read(_ document: Data) -> ReportCollector {
        let collector = ReportCollector()
        ReportReader().read(document, name: "inline.xml", into: collector)
        return collector
    }

    @Test func addressesInBracketsWithAPortOrZeroPadded() throws {
        let written = ["[2001:DB8::1]", "[2001:db8::2]:25", "192.0.2.1:25", "[192.0.2.2]", "192.000.002.003",
                       "010.000.000.001", "2001:db8::1:25", "::ffff:192.0.2.9"]
        let reading = Self.read(InlineReport.document(records: written.map { InlineReport.record($0) }))
        #expect(reading.errors.isEmpty && reading.warnings.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.records.map(\.sourceIP.text) == [
            "2001:db8::1", "2001:db8::2", "192.0.2.1", "192.0.2.2", "192.0.2.3", "10.0.0.1", "2001:db8::1:25",
            "::ffff:192.0.2.9",
        ])
        #expect(report.records.allSatisfy { $0.sourceIP.address != nil })
    }

    @Test func aSourceThatIsNoAddressCountsAsWrittenWithAWarning() throws {
        let written = ["not-an-ip", "fe80::1%eth0", "192.0.2.1:port", "[2001:db8::1", "192.0.2.256", "192.0.2.1:123456"]
        let reading = Self.read(InlineReport.document(records: written.map { InlineReport.record($0, count: 2) }))
        #expect(reading.errors.isEmpty)
        let report = try #require(reading.reports.first)
        #expect(report.records.map(\.sourceIP.text) == written)
        #expect(report.messageCount == 12)
        #expect(reading.warnings.map(\.description) == [
            "inline.xml: warning: 6 records with a <source_ip> that is no IP address (first \"not-an-ip\"): counted "
                + "under the text as written",
        ])
    }

    @Test func datesInMillisecondsAreReadAsSuchWithAWarning() throws {
        let reading = Self.read(InlineReport.document(begin: "1735689600000", end: "1735775999000",
                                              records: [InlineReport.record("192.0.2.1")]))
        let report = try #require(reading.reports.first)
        #expect(report.metadata.dateRange == DateRange(begin: 1_735_689_600, end: 1_735_775_999))
        #expect(reading.warnings.map(\.description) == [
            "inline.xml: warning: the report period is in milliseconds (<begin> 1735689600000): read as seconds since "
                + "1970, divided by 1000",
        ])
        // Seconds up to the year 5138 are seconds.
        let late = Self.read(InlineReport.document(begin: "99999999999", end: "99999999999", records: []))
        #expect(late.reports.first?.metadata.dateRange.begin == 99_999_999_999 && late.warnings.isEmpty)
    }

    @Test func aPeriodEndingBeforeItBeginsIsReadAsWrittenWithAWarning() throws {
        let reading = Self.read(InlineReport.document(begin: "1735775999", end: "1735689600",
                                                      records: [InlineReport.record("192.0.2.1")]))
        let report = try #require(reading.reports.first)
        #expect(report.metadata.dateRange == DateRange(begin: 1_735_775_999, end: 1_735_689_600))
        #expect(reading.warnings.map(\.description) == [
            "inline.xml: warning: the report period ends before it begins (<begin> 1735775999, <end> 1735689600): "
                + "read as written",
        ])
        // A period of no length is a period.
        let instant = Self.read(InlineReport.document(begin: "1735689600", end: "1735689600", records: []))
        #expect(instant.reports.count == 1 && instant.warnings.isEmpty)
    }

    @Test func aReasonWrittenAsTextIsItsType() throws {
        func record(_ reason: String) -> String {
            "<record><row><source_ip>192.0.2.1</source_ip><count>1</count><policy_evaluated><disposition>none"
                + "</disposition><dkim>fail</dkim><spf>fail</spf>\(reason)</policy_evaluated></row><identifiers>"
                + "<header_from>example.com</header_from></identifiers><auth_results/></record>"
        }
        let reading = Self.read(InlineReport.document(records: [
            record("<reason>local_policy</reason>"), record("<reason> Mailing_List </reason>"),
            record("<reason>\n  <type>forwarded</type>\n  <comment>arc=pass</comment>\n</reason>"),
            record("<reason>\n</reason>"),
        ]))
        let report = try #require(reading.reports.first)
        #expect(report.records.map(\.policyEvaluated.reasons) == [
            [OverrideReason(type: .localPolicy)], [OverrideReason(type: .mailingList)],
            [OverrideReason(type: .forwarded, comment: "arc=pass")], [OverrideReason(type: .unrecognised(""))],
        ])
    }

    @Test func theDNSTagNameTIsTesting() throws {
        let reading = Self.read(InlineReport.document(policy: "<p>reject</p><t>y</t><psd>n</psd>", records: []))
        let report = try #require(reading.reports.first)
        #expect(report.policy.testing == "y" && report.policy.discoveryMethod == nil)
        #expect(reading.warnings.isEmpty)
    }

    @Test func anEmptyDKIMEntryIsNoSignature() throws {
        let empty = ["<dkim><domain/><result/></dkim>", "<dkim><domain></domain><result>none</result></dkim>",
                     "<dkim><domain/><selector/><result>none</result><human_result/></dkim>", "<dkim></dkim>"]
        let kept = ["<dkim><domain/><result>fail</result></dkim>", "<dkim><domain/><selector>s1</selector></dkim>",
                    "<dkim><domain>example.com</domain><result>none</result></dkim>"]
        let reading = Self.read(InlineReport.document(records: (empty + kept).map {
            InlineReport.record("192.0.2.1", auth: $0 + "<spf><domain>example.com</domain><result>pass</result></spf>")
        }))
        let report = try #require(reading.reports.first)
        #expect(reading.warnings.isEmpty)
        #expect(report.records.map(\.authResults.dkim.count) == [0, 0, 0, 0, 1, 1, 1])
        #expect(report.records.allSatisfy { $0.authResults.spf.count == 1 })
    }

    @Test func anEmptyPolicyFieldIsAbsentAndAnEmptyErrorNothing() throws {
        let reading = Self.read(InlineReport.document(
            policy: "<adkim></adkim><aspf/><p>reject</p><sp></sp><np> </np><pct></pct><fo/>",
            metadata: "<error/><error>DNS timeout</error><error> </error>", records: [InlineReport.record("192.0.2.1")]))
        let report = try #require(reading.reports.first)
        #expect(report.policy == PolicyPublished(domain: "example.com", p: .reject))
        #expect(report.metadata.errors == ["DNS timeout"])
    }

    @Test func aSecondPolicyIsSkippedWithAWarning() throws {
        let reading = Self.read(InlineReport.document(
            policy: "<p>none</p></policy_published>\n<policy_published><domain>other.example</domain><p>reject</p>",
            records: [InlineReport.record("192.0.2.1")]))
        let report = try #require(reading.reports.first)
        #expect(report.policy == PolicyPublished(domain: "example.com", p: PolicyAction.none))
        #expect(reading.warnings.map(\.description) == [
            "inline.xml: warning: a second <policy_published> at line 5 was skipped: a report covers one policy, the "
                + "one at line 4",
        ])
    }

    @Test func countsUpTo2To53Minus1() throws {
        let largest = (UInt64(1) << 53) - 1
        let reading = Self.read(InlineReport.document(records: [InlineReport.record("192.0.2.1", count: largest)]))
        #expect(reading.reports.first?.messageCount == largest)
        for count in ["9007199254740992", "18446744073709551615", "18446744073709551616"] {
            let document = Data(InlineReport.oneRecord(count: "<count>\(count)</count>").utf8)
            let error = #expect(throws: DMARCError.self) { try ReportReader().reports(in: document, name: "inline.xml") }
            #expect(error?.description == "inline.xml: count \"\(count)\" at line 6 is above 9007199254740991 "
                    + "(2^53 − 1): no report holds that many messages")
        }
    }

    @Test func totalsSaturateInsteadOfWrappingRound() {
        var totals = MessageTotals()
        let record = Record(sourceIP: SourceIP(reportText: "192.0.2.1"), count: (1 << 53) - 1,
                            policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: .pass, spf: .pass))
        for _ in 0..<3000 { totals.add(record, policy: PolicyPublished(domain: "example.com")) }
        #expect(totals.messages == .max && totals.dmarcPass == .max && totals.dispositionNone == .max)
        var other = totals
        other.add(totals)
        #expect(other.messages == .max)
        #expect([UInt64.max, 1, 2].saturatingSum == .max)
        #expect([UInt64(1), 2].saturatingSum == 3)
    }
}
