import DMARC
import Foundation
import Testing

@Suite("Reports given as inline XML")
struct InlineReportTests {
    let oneRecord = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <feedback>
          <report_metadata><org_name> google.com </org_name><email>noreply@google.com</email>
            <report_id>123</report_id><date_range><begin>1707264000</begin><end>1707350399</end></date_range>
          </report_metadata>
          <policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><np>reject</np></policy_published>
          <record>
            <row><source_ip>2001:DB8:0:0:0:0:0:5</source_ip><count>3</count>
              <policy_evaluated><disposition>none</disposition><dkim>Pass</dkim><spf>fail</spf></policy_evaluated>
            </row>
            <identifiers><header_from>example.com</header_from></identifiers>
            <auth_results><dkim><domain>example.com</domain><result>pass</result></dkim>
              <spf><domain>example.com</domain><result>hardfail</result></spf></auth_results>
          </record>
        </feedback>
        """

    @Test func oneRecordIsAnArrayOfOne() throws {
        let reports = try ReportReader().reports(in: Data(oneRecord.utf8))
        #expect(reports.count == 1)
        let report = try #require(reports.first)
        #expect(report.metadata.orgName == "google.com")
        #expect(report.policy.np == .reject)
        #expect(report.records.count == 1)
        let record = report.records[0]
        #expect(record.sourceIP.text == "2001:db8::5")
        #expect(record.count == 3)
        #expect(record.policyEvaluated.dkim == .pass)
        #expect(record.authResults.spf.first?.result == .fail)
        #expect(!record.failsDMARC)
    }
}
