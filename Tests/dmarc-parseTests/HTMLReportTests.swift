import Foundation
import Testing

/// `--html`: the report of Fixtures/timeline and Fixtures/sample, loaded in headless Chromium.
@Suite("HTML report", .serialized)
struct HTMLReportTests {
    static let inputs = ["Fixtures/timeline", "Fixtures/sample"]

    /// Writes the report of `inputs` (or of stdin) to a temporary file.
    static func writeReport(_ inputs: [String] = inputs, stdin: Data? = nil, extra: [String] = []) async throws
        -> (file: URL, html: String, run: CLIRun) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dmarc-\(UUID().uuidString).html")
        let run = try await CLIRun(["--html", file.path] + extra + inputs, input: stdin)
        let html = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return (file, html, run)
    }

    static func json(_ arguments: [String]) async throws -> [[String: Any]] {
        let run = try await CLIRun(arguments + ["--format", "json"] + inputs)
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// The part of `html` from `<tag id="id"` to the tag's end.
    static func element(_ tag: String, id: String, in html: String) -> String {
        guard let start = html.range(of: "<\(tag) id=\"\(id)\"") else { return "" }
        guard let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The body rows of a table: each cell's `data-value` when it has one, else its text.
    static func rows(ofTable id: String, in html: String) -> [[String]] {
        let table = element("table", id: id, in: html)
        guard let body = table.range(of: "<tbody>"), let bodyEnd = table.range(of: "</tbody>") else { return [] }
        let cell = /<td([^>]*)>(.*?)<\/td>/
        let value = /data-value="([^"]*)"/
        return table[body.upperBound..<bodyEnd.lowerBound].components(separatedBy: "</tr>").dropLast().map { row in
            row.matches(of: cell).map { match in
                String(match.output.1).firstMatch(of: value).map { String($0.output.1) } ?? String(match.output.2)
            }
        }
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    static func number(_ value: Any?) -> String {
        switch value {
        case let number as NSNumber: number.stringValue
        case nil, is NSNull: ""
        default: "\(value!)"
        }
    }

    @Test("the file needs nothing else: no URL, no external script, style, font or image")
    func selfContained() async throws {
        let (_, html, run) = try await Self.writeReport()
        #expect(run.status == 0)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for needle in ["http:", "https:", "//", "src=", "href=", "url(", "@import", "@font-face", "<link", "<img", "<iframe"] {
            #expect(!html.contains(needle), "found \(needle)")
        }
        #expect(Self.count("<script", in: html) == 1)
        #expect(html.utf8.count < 200_000)
    }

    @Test("every string from a report is escaped")
    func escapesReports() async throws {
        let hostile = """
            <?xml version="1.0"?><feedback><report_metadata><org_name>&lt;script&gt;alert(1)&lt;/script&gt;</org_name>\
            <email>a@b.example</email><report_id>x"'&amp;</report_id><date_range><begin>1735689600</begin><end>1735775999</end>\
            </date_range></report_metadata><policy_published><domain>"&gt;&lt;img src=x onerror=alert(2)&gt;</domain>\
            <p>&lt;b&gt;none</p></policy_published><record><row><source_ip>&lt;i&gt;1.2.3.4</source_ip><count>3</count>\
            <policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row>\
            <identifiers><header_from>&lt;/table&gt;&lt;b&gt;x</header_from></identifiers><auth_results/></record></feedback>
            """
        let (file, html, run) = try await Self.writeReport(["-"], stdin: Data(hostile.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<img") && !html.contains("<script>alert") && !html.contains("<i>") && !html.contains("</table><b>"))
        #expect(Self.count("<script", in: html) == 1)
        guard HeadlessChromium.mustRun else { return }
        let chromium = try #require(HeadlessChromium.installed, "chromium is not installed (CI=true)")
        let load = try chromium.load(file)
        #expect(load.console.isEmpty, "\(load.console)")
        #expect(Self.count("<script", in: load.dom) == 1)
        #expect(!load.dom.contains("<img"))
    }

    @Test("the detector sees a console message and a request when a page makes them",
          .enabled(if: HeadlessChromium.mustRun))
    func detectorCanFail() throws {
        let chromium = try #require(HeadlessChromium.installed, "chromium is not installed (CI=true)")
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("canary-\(UUID().uuidString).html")
        try Data("<!DOCTYPE html><img src=\"http://canary.example/x.png\"><script>console.error('canary')</script>".utf8)
            .write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let load = try chromium.load(page)
        #expect(load.console.contains { $0.contains("canary") })
        #expect(load.requests.contains { $0.contains("canary.example") })
    }

    @Test("in Chromium: no console message, no request, a bar or point per period, tables equal the other views",
          .enabled(if: HeadlessChromium.mustRun))
    func loadsInChromium() async throws {
        let chromium = try #require(HeadlessChromium.installed, "chromium is not installed (CI=true)")
        let (file, _, run) = try await Self.writeReport()
        #expect(run.status == 0)
        defer { try? FileManager.default.removeItem(at: file) }
        let load = try chromium.load(file)
        #expect(load.status == 0)
        #expect(load.console.isEmpty, "\(load.console)")
        #expect(load.requests.isEmpty, "\(load.requests)")
        let dom = load.dom
        #expect(dom.contains("class=\"filter\""), "the table script ran")

        let timeline = try await Self.json(["--timeline"])
        let periods = Array(Set(timeline.map { $0["period"] as? String ?? "" })).sorted()
        #expect(periods.count == 17)
        let domains = ["example.com", "example.org"]  // by messages, most first
        for (index, domain) in domains.enumerated() {
            let svg = Self.element("svg", id: "chart-messages-\(index)", in: dom)
            #expect(Self.count("class=\"bar\"", in: svg) == periods.count)
            let expected = timeline.filter { $0["domain"] as? String == domain }.map { row in
                [row["period"] as? String ?? "", Self.number(row["messages"]), Self.number(row["dmarc_pass"]),
                 Self.number(row["dmarc_fail"]), Self.number(row["pass_percent"]), Self.number(row["reports"])]
            }
            #expect(expected.count == periods.count)
            #expect(Self.rows(ofTable: "table-messages-\(index)", in: dom) == expected)
        }
        // Stacked segments: one per non-zero series value.
        let segments = timeline.reduce(0) { $0 + (($1["dmarc_pass"] as? Int ?? 0) > 0 ? 1 : 0) + (($1["dmarc_fail"] as? Int ?? 0) > 0 ? 1 : 0) }
        #expect(Self.count("<rect class=\"s-", in: Self.element("svg", id: "chart-messages-0", in: dom))
                + Self.count("<rect class=\"s-", in: Self.element("svg", id: "chart-messages-1", in: dom)) == segments)

        // Pass rate: a point per period with messages.
        let withMessages = periods.filter { period in timeline.contains { $0["period"] as? String == period && ($0["messages"] as? Int ?? 0) > 0 } }
        #expect(Self.count("class=\"point\"", in: Self.element("svg", id: "chart-pass-rate", in: dom)) == withMessages.count)
        let passRate = periods.map { period in
            let rows = timeline.filter { $0["period"] as? String == period }
            let messages = rows.reduce(0) { $0 + ($1["messages"] as? Int ?? 0) }
            let pass = rows.reduce(0) { $0 + ($1["dmarc_pass"] as? Int ?? 0) }
            return [period, String(messages), messages == 0 ? "" : String(format: "%.1f", Double(pass) / Double(messages) * 100)]
        }
        #expect(Self.rows(ofTable: "table-pass-rate", in: dom).map { Array($0.prefix(3)) } == passRate)
        // Dispositions: a bar per period, numbers summed over the domains of --timeline.
        #expect(Self.count("class=\"bar\"", in: Self.element("svg", id: "chart-dispositions", in: dom)) == periods.count)
        let dispositions = periods.map { period in
            [period] + ["none", "quarantine", "reject", "pass"].map { key in
                String(timeline.filter { $0["period"] as? String == period }.reduce(0) { $0 + ($1[key] as? Int ?? 0) })
            }
        }
        #expect(Self.rows(ofTable: "table-dispositions", in: dom) == dispositions)
        #expect(Self.count("class=\"bar\"", in: Self.element("svg", id: "chart-authentication", in: dom)) == 2)

        // Reporters as the default view counts them.
        let reporters = try await Self.json([])
        #expect(reporters.count == 8)
        #expect(Self.rows(ofTable: "table-reporters", in: dom).map { Array($0.prefix(3)) }
                == reporters.map { [$0["reporter"] as? String ?? "", Self.number($0["reports"]), Self.number($0["messages"])] })
        // Failing sources as -s counts them.
        let sources = try await Self.json(["-s"]).filter { ($0["dmarc_fail"] as? Int ?? 0) > 0 }
        #expect(Set(Self.rows(ofTable: "table-sources", in: dom).map { [$0[0], $0[1], $0[2]] })
                == Set(sources.map { [$0["source_ip"] as? String ?? "", Self.number($0["messages"]), Self.number($0["dmarc_fail"])] }))
        // The audit as --audit counts it.
        let audit = try await Self.json(["--audit"])
        #expect(!audit.isEmpty && !sources.isEmpty)
        #expect(Self.rows(ofTable: "table-audit", in: dom).map { [$0[0], $0[1], $0[4], $0[5]] }
                == audit.map { [$0["sender"] as? String ?? "", $0["header_from"] as? String ?? "",
                                Self.number($0["messages"]), Self.number($0["dmarc_fail"])] })
        // Headline figures.
        let messages = timeline.reduce(0) { $0 + ($1["messages"] as? Int ?? 0) }
        #expect(dom.contains("<dd id=\"figure-messages\">\(messages.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))))</dd>"))
    }

    /// The script only adds filter boxes and sorting: the page as written, which is what a browser with scripts off
    /// shows, holds every chart and table. (Headless Chromium with scripts off neither dumps the DOM nor takes a
    /// screenshot, so the file itself is checked.)
    @Test("with scripts off, every chart and table is there")
    func readableWithoutScripts() async throws {
        let (file, html, _) = try await Self.writeReport()
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(!html.contains("class=\"filter\""))
        #expect(Self.count("class=\"bar\"", in: Self.element("svg", id: "chart-dispositions", in: html)) == 17)
        #expect(Self.count("class=\"point\"", in: Self.element("svg", id: "chart-pass-rate", in: html)) == 12)
        #expect(Self.rows(ofTable: "table-reporters", in: html).count == 8)
        #expect(Self.rows(ofTable: "table-audit", in: html).count > 0)
        #expect(Self.rows(ofTable: "table-policies", in: html).count == 5)
    }

    @Test("a file that cannot be read is named on stderr and counted in the page; the others still count")
    func failedFiles() async throws {
        let (file, html, run) = try await Self.writeReport(["Fixtures/cli"])
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(run.status == 1)
        #expect(run.stderr.contains("Fixtures/cli/bad/truncated.xml: report ends at line 20"))
        #expect(html.contains("<dd id=\"figure-files-read\">5</dd>"))
        #expect(html.contains("<dd id=\"figure-files-failed\">2</dd>"))
        #expect(html.contains("<dd id=\"figure-reports\">2 <small>+1 duplicate</small></dd>"))
    }

    @Test("a report that cannot be written is an error naming the file")
    func unwritable() async throws {
        let run = try await CLIRun(["--html", "/nonexistent-folder/report.html", "Fixtures/sample"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("dmarc-parse: /nonexistent-folder/report.html: cannot write the HTML report: "))
    }

    @Test("the filters in effect are named under the title")
    func namesFilters() async throws {
        let (file, html, _) = try await Self.writeReport(extra: ["--failing", "--domain", "example.org", "--exclude-ips", "192.0.2.0/24"])
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(html.contains("<p class=\"note\" id=\"filters\">Only records failing DMARC; records not from 192.0.2.0/24; reports for example.org.</p>"))
        #expect(html.contains("<dd id=\"figure-messages\">4</dd>"))
        let (plainFile, plain, _) = try await Self.writeReport()
        defer { try? FileManager.default.removeItem(at: plainFile) }
        #expect(!plain.contains("id=\"filters\""))
    }
}
