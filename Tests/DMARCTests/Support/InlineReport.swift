import Foundation

/// Small reports written inline, for tests that vary one element.
enum InlineReport {
    /// A report with one record; `count` is the whole `<count>` element (or nothing), and `</record>` is on line 7.
    static func oneRecord(count: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <feedback>
          <report_metadata><org_name>example.org</org_name><email>dmarc@example.org</email>\
        <report_id>inline-1</report_id><date_range><begin>1735689600</begin><end>1735775999</end></date_range>\
        </report_metadata>
          <policy_published><domain>example.com</domain><p>none</p></policy_published>
          <record>
            <row><source_ip>192.0.2.1</source_ip>\(count)\
        <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>\
        <identifiers><header_from>example.com</header_from></identifiers>
          </record>
        </feedback>
        """
    }

    /// A report with the given policy, records (each `<record>…</record>`) and metadata extras.
    static func document(begin: String = "1735689600", end: String = "1735775999", policy: String = "<p>none</p>",
                         metadata: String = "", records: [String]) -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <feedback>
              <report_metadata><org_name>example.org</org_name><email>dmarc@example.org</email>\
            <report_id>lenient-1</report_id><date_range><begin>\(begin)</begin><end>\(end)</end></date_range>\(metadata)\
            </report_metadata>
              <policy_published><domain>example.com</domain>\(policy)</policy_published>
            \(records.joined(separator: "\n"))
            </feedback>
            """.utf8)
    }

    /// A record from `source` of `count` messages with these `auth_results`.
    static func record(_ source: String, count: UInt64 = 1, auth: String = "") -> String {
        "<record><row><source_ip>\(source)</source_ip><count>\(count)</count><policy_evaluated>"
            + "<disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>"
            + "<identifiers><header_from>example.com</header_from></identifiers><auth_results>\(auth)</auth_results></record>"
    }
}
