import Foundation
import Testing

/// `--timeline`, pinned byte for byte on Fixtures/timeline (written by Fixtures/make-timeline-fixtures.py).
@Suite("Timeline view")
struct TimelineCommandTests {
    static let weekly = "Fixtures/timeline/weekly.example.net!example.com!1736121600!1736726399.xml"
    static let noon = "Fixtures/timeline/noon.example.net!example.com!1736510400!1736596799.xml"

    /// The folder, one row per UTC day and domain, gaps as zeros.
    @Test func dailyTable() async throws {
        let run = try await CLIRun(["--timeline", "Fixtures/timeline"])
        #expect(run.stdout == """
        period      begin                 domain       reports  reporters  sources  messages  dmarc_pass  dmarc_fail  pass_percent  spf_aligned_percent  dkim_aligned_percent  none  quarantine  reject  pass  p           pct
        2025-01-06  2025-01-06T00:00:00Z  example.com        2          2        6       279         267          12          95.7                 87.8                  94.6   279           0       0     0  none        100
        2025-01-06  2025-01-06T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-07  2025-01-07T00:00:00Z  example.com        2          2        6       291         276          15          94.8                 87.3                  93.5   291           0       0     0  none        100
        2025-01-07  2025-01-07T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-08  2025-01-08T00:00:00Z  example.com        2          2        6       303         285          18          94.1                 86.5                  92.4   303           0       0     0  none        100
        2025-01-08  2025-01-08T00:00:00Z  example.org        1          1        2        34          32           2          94.1                 94.1                  94.1    32           0       2     0  reject      100
        2025-01-09  2025-01-09T00:00:00Z  example.com        2          2        6       308         294          14          95.5                 87.7                  93.5   308           0       0     0  none        100
        2025-01-09  2025-01-09T00:00:00Z  example.org        1          1        2        35          33           2          94.3                 94.3                  94.3    33           0       2     0  reject      100
        2025-01-10  2025-01-10T00:00:00Z  example.com        3          3        7       319         299          20          93.7                 85.9                  92.8   319           0       0     0  none        100
        2025-01-10  2025-01-10T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-11  2025-01-11T00:00:00Z  example.com        3          3        7       323         309          14          95.7                 87.3                  94.4   323           0       0     0  none        100
        2025-01-11  2025-01-11T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-12  2025-01-12T00:00:00Z  example.com        2          2        6       333         318          15          95.5                 87.1                  94.0   333           0       0     0  none        100
        2025-01-12  2025-01-12T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-13  2025-01-13T00:00:00Z  example.com        1          1        4       187         182           5          97.3                 82.9                  94.1   182           5       0     0  quarantine  50
        2025-01-13  2025-01-13T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-14  2025-01-14T00:00:00Z  example.com        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-14  2025-01-14T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-15  2025-01-15T00:00:00Z  example.com        2          2        5       277         260          17          93.9                 83.4                  92.4   260          17       0     0  quarantine  50
        2025-01-15  2025-01-15T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-16  2025-01-16T00:00:00Z  example.com        1          1        4       212         205           7          96.7                 82.5                  94.3   205           0       7     0  reject      100
        2025-01-16  2025-01-16T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        2025-01-17  2025-01-17T00:00:00Z  example.com        1          1        5       228         218          10          95.6                 82.0                  93.0   214           0      10     4  reject      100
        2025-01-17  2025-01-17T00:00:00Z  example.org        0          0        0         0           0           0                                                              0           0       0     0
        ----------  --------------------  -----------  -------  ---------  -------  --------  ----------  ----------  ------------  -------------------  --------------------  ----  ----------  ------  ----  ----------  ---
        total       12 days               2 domains                                     3129        2978         151          95.2                 86.0                  93.5  3082          22      21     4

        """)
    }

    /// A weekly report spread over its seven days, adding up to its 1,057 messages.
    @Test func weeklyReportOverSevenDays() async throws {
        let run = try await CLIRun(["--timeline", "--format", "tsv", Self.weekly])
        #expect(run.stdout == """
        period	begin	domain	reports	reporters	sources	messages	dmarc_pass	dmarc_fail	pass_percent	spf_aligned_percent	dkim_aligned_percent	none	quarantine	reject	pass	p	pct
        2025-01-06	2025-01-06T00:00:00Z	example.com	1	1	3	151	144	7	95.4	94.0	95.4	151	0	0	0	none	100
        2025-01-07	2025-01-07T00:00:00Z	example.com	1	1	3	151	144	7	95.4	94.7	95.4	151	0	0	0	none	100
        2025-01-08	2025-01-08T00:00:00Z	example.com	1	1	3	151	144	7	95.4	94.7	95.4	151	0	0	0	none	100
        2025-01-09	2025-01-09T00:00:00Z	example.com	1	1	3	151	144	7	95.4	94.7	95.4	151	0	0	0	none	100
        2025-01-10	2025-01-10T00:00:00Z	example.com	1	1	3	151	144	7	95.4	94.7	95.4	151	0	0	0	none	100
        2025-01-11	2025-01-11T00:00:00Z	example.com	1	1	3	151	145	6	96.0	94.7	96.0	151	0	0	0	none	100
        2025-01-12	2025-01-12T00:00:00Z	example.com	1	1	3	151	145	6	96.0	94.7	96.0	151	0	0	0	none	100

        """)
    }

    /// ISO weeks (Monday to Sunday) as JSON.
    @Test func byISOWeek() async throws {
        let run = try await CLIRun(["--timeline", "--by", "week", "--format", "json", "Fixtures/timeline"])
        #expect(run.stdout == """
        [
        {"period":"2025-W02","begin":"2025-01-06T00:00:00Z","domain":"example.com","reports":9,"reporters":3,"sources":9,"messages":2156,"dmarc_pass":2048,"dmarc_fail":108,"pass_percent":95.0,"spf_aligned_percent":87.1,"dkim_aligned_percent":93.6,"none":2156,"quarantine":0,"reject":0,"pass":0,"p":["none"],"pct":["100"]},
        {"period":"2025-W02","begin":"2025-01-06T00:00:00Z","domain":"example.org","reports":2,"reporters":1,"sources":2,"messages":69,"dmarc_pass":65,"dmarc_fail":4,"pass_percent":94.2,"spf_aligned_percent":94.2,"dkim_aligned_percent":94.2,"none":65,"quarantine":0,"reject":4,"pass":0,"p":["reject"],"pct":["100"]},
        {"period":"2025-W03","begin":"2025-01-13T00:00:00Z","domain":"example.com","reports":5,"reporters":2,"sources":8,"messages":904,"dmarc_pass":865,"dmarc_fail":39,"pass_percent":95.7,"spf_aligned_percent":82.7,"dkim_aligned_percent":93.4,"none":861,"quarantine":22,"reject":17,"pass":4,"p":["quarantine","reject"],"pct":["50","100"]},
        {"period":"2025-W03","begin":"2025-01-13T00:00:00Z","domain":"example.org","reports":0,"reporters":0,"sources":0,"messages":0,"dmarc_pass":0,"dmarc_fail":0,"pass_percent":null,"spf_aligned_percent":null,"dkim_aligned_percent":null,"none":0,"quarantine":0,"reject":0,"pass":0,"p":[],"pct":[]}
        ]

        """)
    }

    /// Months as ndjson.
    @Test func byMonth() async throws {
        let run = try await CLIRun(["--timeline", "--by", "month", "--format", "ndjson", "Fixtures/timeline"])
        #expect(run.stdout == """
        {"period":"2025-01","begin":"2025-01-01T00:00:00Z","domain":"example.com","reports":14,"reporters":4,"sources":10,"messages":3060,"dmarc_pass":2913,"dmarc_fail":147,"pass_percent":95.2,"spf_aligned_percent":85.8,"dkim_aligned_percent":93.5,"none":3017,"quarantine":22,"reject":17,"pass":4,"p":["none","quarantine","reject"],"pct":["50","100"]}
        {"period":"2025-01","begin":"2025-01-01T00:00:00Z","domain":"example.org","reports":2,"reporters":1,"sources":2,"messages":69,"dmarc_pass":65,"dmarc_fail":4,"pass_percent":94.2,"spf_aligned_percent":94.2,"dkim_aligned_percent":94.2,"none":65,"quarantine":0,"reject":4,"pass":0,"p":["reject"],"pct":["100"]}

        """)
    }

    /// A noon-to-noon report cut at midnight in UTC+05:30.
    @Test func inKolkata() async throws {
        let run = try await CLIRun(["--timeline", "--tz", "Asia/Kolkata", "--format", "tsv", Self.noon])
        #expect(run.stdout == """
        period	begin	domain	reports	reporters	sources	messages	dmarc_pass	dmarc_fail	pass_percent	spf_aligned_percent	dkim_aligned_percent	none	quarantine	reject	pass	p	pct
        2025-01-10	2025-01-09T18:30:00Z	example.com	1	1	1	1	0	1	0.0	0.0	0.0	1	0	0	0	none	100
        2025-01-11	2025-01-10T18:30:00Z	example.com	1	1	1	4	0	4	0.0	0.0	0.0	4	0	0	0	none	100

        """)
    }
    static func sum(_ key: String, _ arguments: [String]) async throws -> (total: Int, status: Int32) {
        let run = try await CLIRun(arguments + ["--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        return (rows.reduce(0) { $0 + ($1[key] as? Int ?? 0) }, run.status)
    }

    /// Failed files and duplicate reports count nowhere: the timeline adds up to what the other views count.
    @Test(arguments: [["Fixtures/cli"], ["Fixtures/timeline"], ["Fixtures/timeline", "--failing"],
                      ["Fixtures/timeline", "--reporter", "Daily Mail", "--by", "month"]])
    func countsWhatTheOtherViewsCount(_ arguments: [String]) async throws {
        for key in ["messages", "dmarc_pass", "dmarc_fail"] {
            let timeline = try await Self.sum(key, ["--timeline"] + arguments)
            let reporters = try await Self.sum(key, arguments.filter { $0 != "--by" && $0 != "month" })
            let sources = try await Self.sum(key, ["-s"] + arguments.filter { $0 != "--by" && $0 != "month" })
            #expect(timeline.total == reporters.total)
            #expect(timeline.total == sources.total)
            if key == "messages" { #expect(timeline.total > 0) }
            #expect(timeline.status == reporters.status)
        }
    }

    /// A range of thousands of years counts in the period of its begin, and far-apart reports do not fill the
    /// decades between them. (A begin before 1970 is no whole number of seconds since then: the reader refuses it.)
    @Test func absurdRanges() async throws {
        let report = """
            <?xml version="1.0"?><feedback><report_metadata><org_name>h</org_name><email>a@b</email><report_id>x</report_id>\
            <date_range><begin>0</begin><end>9223372036854775807</end></date_range></report_metadata>\
            <policy_published><domain>example.com</domain></policy_published><record><row><source_ip>192.0.2.1</source_ip>\
            <count>5</count><policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>fail</spf>\
            </policy_evaluated></row><identifiers><header_from>example.com</header_from></identifiers></record></feedback>
            """
        let run = try await CLIRun(["--timeline", "--format", "tsv", "-", Self.noon], input: Data(report.utf8))
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.dropFirst().map { $0.split(separator: "\t")[6] } == ["5", "3", "2"])
    }

    /// Options that would be ignored are usage errors.
    @Test(arguments: [
        (["--by", "week"], "Error: --by and --tz go with --timeline or --html"),
        (["-s", "--tz", "Europe/Paris"], "Error: --by and --tz go with --timeline or --html"),
        (["--timeline", "--tz", "Mars/Olympus"], "Error: --tz: 'Mars/Olympus' is no time zone (try UTC or a name like Europe/Paris)"),
        (["--audit", "--html", "/dev/null"], "Error: --html writes every view into the page: leave out --audit"),
        (["--html", "/dev/null", "--format", "json"], "Error: --html writes HTML: leave out --format"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) async throws {
        let run = try await CLIRun(arguments + ["Fixtures/sample"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message + "\n"))
        #expect(run.stdout.isEmpty)
    }
}
