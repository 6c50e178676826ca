import Foundation
import Testing

/// The export for query engines: `--records` in csv, json and ndjson carries every field of the model, and
/// `--reports` writes one nested document per report. docs/export-schema.md documents both.
@Suite("Export")
struct ExportTests {
    let good = CLIRun.fixture("good")

    /// A report that fills every field the model has, with text that needs escaping.
    static let fullReport = Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0">
          <version>2.0</version>
          <report_metadata>
            <org_name> Example Receiver </org_name>
            <email>dmarc@receiver.example</email>
            <extra_contact_info>https://receiver.example/dmarc</extra_contact_info>
            <report_id>full-1</report_id>
            <date_range><begin>1735689600</begin><end>1735775999</end></date_range>
            <error>record 7: "count" missing</error>
            <error>second line</error>
            <generator>Receiver 1.2</generator>
          </report_metadata>
          <policy_published>
            <domain>example.com</domain><p>Reject</p><sp>quarantine</sp><np>none</np>
            <adkim>s</adkim><aspf>relaxed</aspf><pct>50</pct><fo>d:s</fo>
            <testing>y</testing><discovery_method>treewalk</discovery_method>
          </policy_published>
          <record>
            <row>
              <source_ip>2001:DB8::0:7</source_ip>
              <count>3</count>
              <policy_evaluated>
                <disposition>none</disposition><dkim>fail</dkim><spf>FAIL</spf>
                <reason><type>mailing_list</type><comment>list "dev"</comment></reason>
                <reason><type>policy_test_mode</type></reason>
              </policy_evaluated>
            </row>
            <identifiers>
              <envelope_to>example.net</envelope_to><envelope_from>lists.example.org</envelope_from>
              <header_from>example.com</header_from>
            </identifiers>
            <auth_results>
              <dkim><domain>lists.example.org</domain><selector>k1</selector><result>hardfail</result>
                <human_result>body hash did not verify</human_result></dkim>
              <spf><domain>lists.example.org</domain><scope>mfrom</scope><result>pass</result>
                <human_result>ok</human_result></spf>
            </auth_results>
          </record>
        </feedback>
        """.utf8)

    static let csvHeader = "reporter,report_id,begin,end,policy_domain,source_ip,count,disposition,dkim,spf,"
        + "header_from,envelope_from,dkim_auth,spf_auth,begin_epoch,end_epoch,org_name,email,extra_contact_info,"
        + "schema,version,generator,errors,adkim,aspf,p,sp,np,pct,fo,testing,discovery_method,envelope_to,reasons,"
        + "dmarc_result,dmarc_result_source"

    @Test func ndjsonRecordCarriesEveryField() async throws {
        let run = try await CLIRun(["--records", "--format", "ndjson", "-"], input: Self.fullReport)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == """
            {"reporter":"Example Receiver","report_id":"full-1","begin":"2025-01-01T00:00:00Z","end":"2025-01-01T23:59:59Z","policy_domain":"example.com","source_ip":"2001:db8::7","count":3,"disposition":"none","dkim":"fail","spf":"fail","header_from":"example.com","envelope_from":"lists.example.org","dkim_auth":[{"domain":"lists.example.org","selector":"k1","result":"fail","human_result":"body hash did not verify"}],"spf_auth":[{"domain":"lists.example.org","scope":"mfrom","result":"pass","human_result":"ok"}],"begin_epoch":1735689600,"end_epoch":1735775999,"org_name":"Example Receiver","email":"dmarc@receiver.example","extra_contact_info":"https://receiver.example/dmarc","schema":"rfc9990","version":"2.0","generator":"Receiver 1.2","errors":["record 7: \\"count\\" missing","second line"],"adkim":"s","aspf":"r","p":"reject","sp":"quarantine","np":"none","pct":50,"fo":"d:s","testing":"y","discovery_method":"treewalk","envelope_to":"example.net","reasons":[{"type":"mailing_list","comment":"list \\"dev\\""},{"type":"policy_test_mode","comment":null}],"dmarc_result":"fail","dmarc_result_source":"policy_evaluated"}

            """)
    }

    @Test func ndjsonRecordOfAFixtureHasNullsForWhatIsLeftOut() async throws {
        let run = try await CLIRun(["--records", "--format", "ndjson", "--include-ips", "192.0.2.2", "--reporter", "Yahoo", good])
        #expect(run.stdout == """
            {"reporter":"Yahoo","report_id":"y-2002","begin":"2025-01-02T00:00:00Z","end":"2025-01-02T23:59:59Z","policy_domain":"example.org","source_ip":"192.0.2.2","count":4,"disposition":"quarantine","dkim":"fail","spf":"fail","header_from":"example.org","envelope_from":null,"dkim_auth":[],"spf_auth":[{"domain":"example.org","scope":"mfrom","result":"fail","human_result":null}],"begin_epoch":1735776000,"end_epoch":1735862399,"org_name":"Yahoo","email":"dmarchelp@yahooinc.com","extra_contact_info":null,"schema":"rfc7489","version":"1.0","generator":null,"errors":[],"adkim":"r","aspf":"r","p":"quarantine","sp":"quarantine","np":null,"pct":100,"fo":null,"testing":null,"discovery_method":null,"envelope_to":null,"reasons":[],"dmarc_result":"fail","dmarc_result_source":"policy_evaluated"}

            """)
    }

    @Test func csvHasEveryColumnAndListsAsJSONText() async throws {
        let run = try await CLIRun(["--records", "--format", "csv", "-"], input: Self.fullReport)
        #expect(run.status == 0)
        #expect(run.stdout == Self.csvHeader + "\r\n"
            + #"Example Receiver,full-1,2025-01-01T00:00:00Z,2025-01-01T23:59:59Z,example.com,2001:db8::7,3,none,fail,fail,example.com,lists.example.org,"[{""domain"":""lists.example.org"",""selector"":""k1"",""result"":""fail"",""human_result"":""body hash did not verify""}]","[{""domain"":""lists.example.org"",""scope"":""mfrom"",""result"":""pass"",""human_result"":""ok""}]",1735689600,1735775999,Example Receiver,dmarc@receiver.example,https://receiver.example/dmarc,rfc9990,2.0,Receiver 1.2,"[""record 7: \""count\"" missing"",""second line""]",s,r,reject,quarantine,none,50,d:s,y,treewalk,example.net,"[{""type"":""mailing_list"",""comment"":""list \""dev\""""},{""type"":""policy_test_mode"",""comment"":null}]",fail,policy_evaluated"#
            + "\r\n")
    }

    @Test func csvHeaderOfAnEmptyExport() async throws {
        let run = try await CLIRun(["--records", "--format", "csv", "--include-ips", "203.0.113.0/24", good])
        #expect(run.stdout == Self.csvHeader + "\r\n")
    }

    @Test func tableAndTSVKeepTheirFourteenColumns() async throws {
        let tsv = try await CLIRun(["--records", "--format", "tsv", "-"], input: Self.fullReport)
        #expect(tsv.stdout == """
            reporter\treport_id\tbegin\tend\tpolicy_domain\tsource_ip\tcount\tdisposition\tdkim\tspf\theader_from\tenvelope_from\tdkim_auth\tspf_auth
            Example Receiver\tfull-1\t2025-01-01T00:00:00Z\t2025-01-01T23:59:59Z\texample.com\t2001:db8::7\t3\tnone\tfail\tfail\texample.com\tlists.example.org\tlists.example.org=fail\tlists.example.org=pass

            """)
        let table = try await CLIRun(["--records", "-"], input: Self.fullReport)
        #expect(table.stdout.split(separator: "\n").first?.split(separator: " ").count == 14)
    }

    @Test func valuesWithoutAnUnsignedFormAreNull() async throws {
        let report = Data("""
            <feedback><report_metadata><org_name>r</org_name><report_id>n</report_id>
            <date_range><begin>0</begin><end>86399</end></date_range></report_metadata>
            <policy_published><domain>example.com</domain><pct>-5</pct></policy_published>
            <record><row><source_ip>xxx.xxx.xxx.xxx</source_ip><count>1</count></row>
            <identifiers><header_from>example.com</header_from></identifiers></record></feedback>
            """.utf8)
        let run = try await CLIRun(["--records", "--format", "ndjson", "-"], input: report)
        // A negative <begin> would have no unsigned form either, but the reader refuses it (RequiredPartsTests).
        #expect(run.stdout.contains(#""begin":"1970-01-01T00:00:00Z","end":"1970-01-01T23:59:59Z""#))
        #expect(run.stdout.contains(#""source_ip":"xxx.xxx.xxx.xxx","count":1,"disposition":null,"dkim":null,"spf":null"#))
        #expect(run.stdout.contains(#""begin_epoch":0,"end_epoch":86399"#))
        #expect(run.stdout.contains(#""schema":"draft","version":null"#))
        #expect(run.stdout.contains(#""pct":null"#))
    }

    @Test func reportsDocument() async throws {
        let run = try await CLIRun(["--reports", "--format", "ndjson", "--reporter", "Yahoo", good])
        #expect(run.status == 0)
        #expect(run.stdout == """
            {"reporter":"Yahoo","schema":"rfc7489","version":"1.0","metadata":{"org_name":"Yahoo","email":"dmarchelp@yahooinc.com","extra_contact_info":null,"report_id":"y-2002","begin":"2025-01-02T00:00:00Z","end":"2025-01-02T23:59:59Z","begin_epoch":1735776000,"end_epoch":1735862399,"errors":[],"generator":null},"policy":{"domain":"example.org","adkim":"r","aspf":"r","p":"quarantine","sp":"quarantine","np":null,"pct":100,"fo":null,"testing":null,"discovery_method":null},"records":[{"source_ip":"198.51.100.7","count":20,"disposition":"none","dkim":"pass","spf":"fail","reasons":[],"header_from":"example.org","envelope_from":"bounce.esp.example.net","envelope_to":null,"dkim_auth":[{"domain":"example.org","selector":"s1","result":"pass","human_result":null},{"domain":"esp.example.net","selector":"s1","result":"pass","human_result":null}],"spf_auth":[{"domain":"bounce.esp.example.net","scope":"mfrom","result":"pass","human_result":null}]},{"source_ip":"192.0.2.2","count":4,"disposition":"quarantine","dkim":"fail","spf":"fail","reasons":[],"header_from":"example.org","envelope_from":null,"envelope_to":null,"dkim_auth":[],"spf_auth":[{"domain":"example.org","scope":"mfrom","result":"fail","human_result":null}]},{"source_ip":"2001:db8::5","count":2,"disposition":"reject","dkim":"fail","spf":"fail","reasons":[],"header_from":"example.org","envelope_from":null,"envelope_to":null,"dkim_auth":[{"domain":"example.org","selector":"s1","result":"fail","human_result":null}],"spf_auth":[{"domain":"example.org","scope":"mfrom","result":"softfail","human_result":null}]}]}

            """)
    }

    @Test func reportsInReadOrderWithDuplicatesOnce() async throws {
        let run = try await CLIRun(["--reports", "--format", "ndjson", good])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"reporter":"google.com","schema":"rfc7489","version":"1.0","metadata":{"org_name":"google.com""#))
        #expect(lines[1].hasPrefix(#"{"reporter":"Yahoo""#))
        #expect(run.stderr.contains("skipped 1 duplicate report"))
    }

    @Test func reportsKeepOnlyFilteredRecordsAndDropEmptiedReports() async throws {
        let run = try await CLIRun(["--reports", "--format", "json", "--failing", "--include-ips", "2001:db8::/32", good])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(documents.count == 1)
        let records = try #require(documents.first?["records"] as? [[String: Any]])
        #expect(records.map { $0["source_ip"] as? String } == ["2001:db8::5"])
        #expect(try await CLIRun(["--reports", "--format", "json", "--include-ips", "203.0.113.0/24", good]).stdout
            == "[]\n")
    }

    @Test(arguments: ["table", "tsv", "csv"])
    func reportsNeedAJSONFormat(format: String) async throws {
        let run = try await CLIRun(["--reports", "--format", format, good])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--reports writes nested documents: add --format ndjson or --format json"))
    }

    /// docs/export-schema.md lists each exported column once, in the order the export writes them.
    @Test func schemaDocumentNamesEveryColumnInOrder() async throws {
        let schema = try String(contentsOf: CLIRun.packageRoot.appendingPathComponent("docs/export-schema.md"),
                                encoding: .utf8)
        let documented = schema.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 3, Int(cells[1]) != nil, cells[2].hasPrefix("`") else { return nil }
            return cells[2].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        }
        // With enrichment (--ip-db), the six columns of docs/export-schema.md's end follow the 36.
        let enriched = try await CLIRun(["--records", "--format", "csv", "--ip-db",
                                         "Fixtures/enrichment/ipinfo-lite.mmdb", CLIRun.fixture("good")])
        let enrichedHeader = enriched.stdout.components(separatedBy: "\r\n").first ?? ""
        #expect(enrichedHeader == Self.csvHeader + ",ptr,ptr_confirmed,service,asn,as_name,country")
        #expect(documented.joined(separator: ",") == enrichedHeader)
    }
}
