import Testing

/// Every view over `Fixtures/cli/good`: two reports (Google, Yahoo), a gzipped copy of the Google report that
/// must count once, and a hidden report that must not be read.
@Suite("Views")
struct ViewTests {
    let good = CLIRun.fixture("good")

    @Test func reportersTable() async throws {
        let run = try await CLIRun([good])
        #expect(run.status == 0)
        #expect(run.stdout == """
            reporter    reports  domains      begin                 end                   records  messages  dmarc_pass  dmarc_fail  none  quarantine  reject  pass
            Yahoo             1  example.org  2025-01-02T00:00:00Z  2025-01-02T23:59:59Z        3        26          20           6    20           4       2     0
            google.com        1  example.com  2025-01-01T00:00:00Z  2025-01-01T23:59:59Z        3        18          13           5    13           0       5     0
            ----------  -------  -----------  --------------------  --------------------  -------  --------  ----------  ----------  ----  ----------  ------  ----
            total             2  2 domains    2025-01-01T00:00:00Z  2025-01-02T23:59:59Z        6        44          33          11    33           4       7     0

            """)
        #expect(run.stderrWithoutDuplicateNames == """
            dmarc-parse: skipped 1 duplicate report (same reporter, report ID, domain and period)
            dmarc-parse: 3 files read, 2 reports, 1 duplicate, 0 files failed

            """)
    }

    @Test func statisticsTSV() async throws {
        let run = try await CLIRun(["-s", "--format", "tsv", good])
        #expect(run.stdout == """
            source_ip\tmessages\tdmarc_pass\tdmarc_fail\tdkim_pass\tspf_pass\tnone\tquarantine\treject\tpass\treporters\theader_from
            198.51.100.7\t20\t20\t0\t20\t0\t20\t0\t0\t0\tYahoo\texample.org
            192.0.2.1\t10\t10\t0\t10\t10\t10\t0\t0\t0\tgoogle.com\texample.com
            192.0.2.2\t9\t0\t9\t0\t0\t0\t4\t5\t0\tYahoo,google.com\texample.com,example.org
            2001:db8::1\t3\t3\t0\t0\t3\t3\t0\t0\t0\tgoogle.com\texample.com
            2001:db8::5\t2\t0\t2\t0\t0\t0\t0\t2\t0\tYahoo\texample.org

            """)
    }

    @Test func statisticsTable() async throws {
        let run = try await CLIRun(["--statistics", good])
        #expect(run.stdout == """
            source_ip          messages  dmarc_pass  dmarc_fail  dkim_pass  spf_pass  none  quarantine  reject  pass  reporters         header_from
            198.51.100.7             20          20           0         20         0    20           0       0     0  Yahoo             example.org
            192.0.2.1                10          10           0         10        10    10           0       0     0  google.com        example.com
            192.0.2.2                 9           0           9          0         0     0           4       5     0  Yahoo,google.com  example.com,example.org
            2001:db8::1               3           3           0          0         3     3           0       0     0  google.com        example.com
            2001:db8::5               2           0           2          0         0     0           0       2     0  Yahoo             example.org
            -----------------  --------  ----------  ----------  ---------  --------  ----  ----------  ------  ----  ----------------  -----------------------
            total (5 sources)        44          33          11         30        13    33           4       7     0  2 reporters       2 domains

            """)
    }

    @Test func reportersCSV() async throws {
        let run = try await CLIRun(["--format", "csv", good])
        #expect(run.stdout == "reporter,reports,domains,begin,end,records,messages,dmarc_pass,dmarc_fail,none,quarantine,reject,pass\r\n"
            + "Yahoo,1,example.org,2025-01-02T00:00:00Z,2025-01-02T23:59:59Z,3,26,20,6,20,4,2,0\r\n"
            + "google.com,1,example.com,2025-01-01T00:00:00Z,2025-01-01T23:59:59Z,3,18,13,5,13,0,5,0\r\n")
    }

    @Test func statisticsCSVQuotesLists() async throws {
        let run = try await CLIRun(["-s", "--format", "csv", "--include-ips", "192.0.2.2", good])
        #expect(run.stdout == "source_ip,messages,dmarc_pass,dmarc_fail,dkim_pass,spf_pass,none,quarantine,reject,pass,reporters,header_from\r\n"
            + "192.0.2.2,9,0,9,0,0,0,4,5,0,\"Yahoo,google.com\",\"example.com,example.org\"\r\n")
    }

    @Test func reportersJSON() async throws {
        let run = try await CLIRun(["--format", "json", good])
        #expect(run.stdout == """
            [
            {"reporter":"Yahoo","reports":1,"domains":["example.org"],"begin":"2025-01-02T00:00:00Z","end":"2025-01-02T23:59:59Z","records":3,"messages":26,"dmarc_pass":20,"dmarc_fail":6,"none":20,"quarantine":4,"reject":2,"pass":0},
            {"reporter":"google.com","reports":1,"domains":["example.com"],"begin":"2025-01-01T00:00:00Z","end":"2025-01-01T23:59:59Z","records":3,"messages":18,"dmarc_pass":13,"dmarc_fail":5,"none":13,"quarantine":0,"reject":5,"pass":0}
            ]

            """)
    }

    @Test func statisticsNDJSON() async throws {
        let run = try await CLIRun(["-s", "--format", "ndjson", "--include-ips", "2001:db8::/32", good])
        #expect(run.stdout == """
            {"source_ip":"2001:db8::1","messages":3,"dmarc_pass":3,"dmarc_fail":0,"dkim_pass":0,"spf_pass":3,"none":3,"quarantine":0,"reject":0,"pass":0,"reporters":["google.com"],"header_from":["example.com"]}
            {"source_ip":"2001:db8::5","messages":2,"dmarc_pass":0,"dmarc_fail":2,"dkim_pass":0,"spf_pass":0,"none":0,"quarantine":0,"reject":2,"pass":0,"reporters":["Yahoo"],"header_from":["example.org"]}

            """)
    }

    @Test func emptyResultInEveryFormat() async throws {
        let filter = ["--include-ips", "203.0.113.0/24", good]
        #expect(try await CLIRun(["--format", "json"] + filter).stdout == "[]\n")
        #expect(try await CLIRun(["--format", "ndjson"] + filter).stdout == "")
        #expect(try await CLIRun(["--format", "tsv"] + filter).stdout
            == "reporter\treports\tdomains\tbegin\tend\trecords\tmessages\tdmarc_pass\tdmarc_fail\tnone\tquarantine\treject\tpass\n")
    }

    @Test func recordsInReadOrder() async throws {
        let run = try await CLIRun(["--records", "--format", "tsv", good])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[0] == "reporter\treport_id\tbegin\tend\tpolicy_domain\tsource_ip\tcount\tdisposition\tdkim\tspf\theader_from\tenvelope_from\tdkim_auth\tspf_auth")
        #expect(lines[1] == "google.com\tg-1001\t2025-01-01T00:00:00Z\t2025-01-01T23:59:59Z\texample.com\t192.0.2.1\t10\tnone\tpass\tpass\texample.com\texample.com\texample.com=pass\texample.com=pass")
        #expect(lines[4] == "Yahoo\ty-2002\t2025-01-02T00:00:00Z\t2025-01-02T23:59:59Z\texample.org\t198.51.100.7\t20\tnone\tpass\tfail\texample.org\tbounce.esp.example.net\texample.org=pass;esp.example.net=pass\tbounce.esp.example.net=pass")
        #expect(lines[6].hasPrefix("Yahoo\ty-2002\t2025-01-02T00:00:00Z\t2025-01-02T23:59:59Z\texample.org\t2001:db8::5\t2\treject"))
    }

    @Test func recordsNDJSONHasAuthResultsAsObjects() async throws {
        let run = try await CLIRun(["--records", "--format", "ndjson", "--include-ips", "198.51.100.7", good])
        #expect(run.stdout == """
            {"reporter":"Yahoo","report_id":"y-2002","begin":"2025-01-02T00:00:00Z","end":"2025-01-02T23:59:59Z","policy_domain":"example.org","source_ip":"198.51.100.7","count":20,"disposition":"none","dkim":"pass","spf":"fail","header_from":"example.org","envelope_from":"bounce.esp.example.net","dkim_auth":[{"domain":"example.org","selector":"s1","result":"pass","human_result":null},{"domain":"esp.example.net","selector":"s1","result":"pass","human_result":null}],"spf_auth":[{"domain":"bounce.esp.example.net","scope":"mfrom","result":"pass","human_result":null}],"begin_epoch":1735776000,"end_epoch":1735862399,"org_name":"Yahoo","email":"dmarchelp@yahooinc.com","extra_contact_info":null,"schema":"rfc7489","version":"1.0","generator":null,"errors":[],"adkim":"r","aspf":"r","p":"quarantine","sp":"quarantine","np":null,"pct":100,"fo":null,"testing":null,"discovery_method":null,"envelope_to":null,"reasons":[],"dmarc_result":"pass","dmarc_result_source":"policy_evaluated"}

            """)
    }

    @Test func sameBytesOnEveryRunAndJobCount() async throws {
        let first = try await CLIRun(["-s", "--format", "json", "--jobs", "1", good])
        for jobs in ["2", "4"] {
            let again = try await CLIRun(["-s", "--format", "json", "--jobs", jobs, good])
            #expect(again.stdout == first.stdout)
        }
    }
}
