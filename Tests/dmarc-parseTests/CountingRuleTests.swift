import Foundation
import Testing

/// Every view counts the same reports and messages, and closes with the same line, on folders that mix good
/// reports, an exact copy and broken copies (Fixtures/counting, from Fixtures/make-counting-fixtures.py) in
/// any order, with and without filters, on 1, 2 and 4 threads.
@Suite("Counting rule: every view counts the same")
struct CountingRuleTests {
    /// The fixture files in orders that put a broken copy, the exact copy or the good report first.
    static let orders: [[String]] = [
        ["alpha-truncated.xml", "alpha-broken.xml", "alpha-copy.xml.gz", "alpha.xml", "beta-broken.xml.gz", "beta.xml"],
        ["beta.xml", "beta-broken.xml.gz", "alpha.xml", "alpha-copy.xml.gz", "alpha-broken.xml", "alpha-truncated.xml"],
        ["alpha-copy.xml.gz", "alpha-truncated.xml", "beta-broken.xml.gz", "alpha.xml", "beta.xml", "alpha-broken.xml"],
    ]

    /// A filter, and what every view must count with it: messages and the closing line.
    struct Case: Sendable, CustomTestStringConvertible {
        var filter: [String]
        var messages: Int
        var reports: Int
        var testDescription: String { filter.isEmpty ? "no filter" : filter.joined(separator: " ") }
        var closingLine: String {
            "dmarc-parse: 6 files read, \(reports) report\(reports == 1 ? "" : "s"), 1 duplicate, 3 files failed"
        }
    }

    static let cases: [Case] = [
        Case(filter: [], messages: 185, reports: 2),
        Case(filter: ["--failing"], messages: 10, reports: 1),
        Case(filter: ["--include-ips", "192.0.2.0/24"], messages: 150, reports: 2),
        Case(filter: ["--include-ips", "198.51.100.0/24"], messages: 7, reports: 1),
        Case(filter: ["--exclude-ips", "192.0.2.0/24,203.0.113.0/24"], messages: 10, reports: 1),
    ]

    /// A view, and how to read the messages it counted from its output.
    struct View: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var messages: @Sendable (String) -> Int
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let views: [View] = [
        View(arguments: ["--format", "tsv"], messages: { tsvSum($0, column: "messages") }),
        View(arguments: ["-s", "--format", "tsv"], messages: { tsvSum($0, column: "messages") }),
        View(arguments: ["--audit", "--format", "tsv"], messages: { tsvSum($0, column: "messages") }),
        View(arguments: ["--domains", "--format", "tsv"], messages: { tsvSum($0, column: "messages") }),
        View(arguments: ["--timeline", "--by", "month", "--format", "tsv"], messages: { tsvSum($0, column: "messages") }),
        View(arguments: ["--records", "--format", "ndjson"], messages: { text in
            ndjson(text).reduce(0) { $0 + ($1["count"] as! Int) }
        }),
        View(arguments: ["--records", "--format", "json"], messages: { text in
            let rows = try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[String: Any]]
            return rows.reduce(0) { $0 + ($1["count"] as! Int) }
        }),
        View(arguments: ["--reports", "--format", "ndjson"], messages: { text in
            ndjson(text).flatMap { $0["records"] as! [[String: Any]] }.reduce(0) { $0 + ($1["count"] as! Int) }
        }),
    ]

    @Test(arguments: cases)
    func everyViewOrderAndJobCountAgrees(_ testCase: Case) async throws {
        for (index, order) in Self.orders.enumerated() {
            let folder = try Self.folder(order, name: "order-\(index)")
            defer { try? FileManager.default.removeItem(at: folder) }
            for jobs in [1, 2, 4] {
                for view in Self.views {
                    let run = try await CLIRun(view.arguments + testCase.filter + ["--jobs", "\(jobs)", folder.path])
                    let context = "\(view.testDescription) \(testCase.testDescription) --jobs \(jobs), order \(index)"
                    #expect(run.status == 1, "\(context)")
                    #expect(view.messages(run.stdout) == testCase.messages, "\(context)")
                    #expect(run.stderr.split(separator: "\n").last.map(String.init) == testCase.closingLine,
                            "\(context)")
                    #expect(run.stderr.contains("skipped 1 duplicate report "), "\(context)")
                }
            }
        }
    }

    /// A report whose rows pass the record printer's memory bound (they go to a temporary file while held) is
    /// printed whole; a truncated copy read before it prints nothing and masks nothing.
    @Test func aLargeReportIsHeldWholeThenPrinted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("counting-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = 20_000
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feedback><report_metadata><org_name>big.example</org_name><email>d@big.example</email>\
            <report_id>big-1</report_id><date_range><begin>1735689600</begin><end>1735775999</end></date_range>\
            </report_metadata><policy_published><domain>example.com</domain><p>none</p></policy_published>

            """
        for index in 0..<records {
            xml += "<record><row><source_ip>10.\(index >> 16).\((index >> 8) & 255).\(index & 255)</source_ip>"
                + "<count>1</count><policy_evaluated><disposition>none</disposition><dkim>pass</dkim>"
                + "<spf>fail</spf></policy_evaluated></row><identifiers><header_from>example.com</header_from>"
                + "</identifiers><auth_results><spf><domain>example.com</domain><result>fail</result></spf>"
                + "</auth_results></record>\n"
        }
        xml += "</feedback>\n"
        let data = Data(xml.utf8)
        try data.prefix(data.count - 200).write(to: folder.appendingPathComponent("a-truncated.xml"))
        try data.write(to: folder.appendingPathComponent("b-good.xml"))
        try data.write(to: folder.appendingPathComponent("c-copy.xml"))
        let printed = try await CLIRun(["--records", "--format", "ndjson", "--jobs", "1", folder.path])
        let rows = printed.stdout.split(separator: "\n")
        #expect(printed.stdout.utf8.count > 4 << 20)
        #expect(rows.count == records)
        #expect(Set(rows).count == records)
        let closing = "dmarc-parse: 3 files read, 1 report, 1 duplicate, 1 file failed"
        #expect(printed.stderr.hasSuffix(closing + "\n"))
        let summary = try await CLIRun(["--format", "tsv", "--jobs", "2", folder.path])
        #expect(tsvSum(summary.stdout, column: "messages") == records)
        #expect(summary.stderr.hasSuffix(closing + "\n"))
        // Read on two threads (the truncated copy spilled, then dropped, while the good one is read): the same bytes.
        let parallel = try await CLIRun(["--records", "--format", "ndjson", "--jobs", "2", folder.path])
        #expect(parallel.stdout == printed.stdout)
        #expect(parallel.stderr == printed.stderr)
    }

    /// `--records` reads files on several threads but prints what one thread prints, byte for byte, and counts
    /// the same copy of a duplicate (the first complete one in file order), named the same on stderr.
    @Test(arguments: ["ndjson", "json", "csv", "tsv", "table"])
    func recordsOnThreadsAreTheOneThreadOutput(_ format: String) async throws {
        for (index, order) in Self.orders.enumerated() {
            let folder = try Self.folder(order, name: "threads-\(index)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let one = try await CLIRun(["--records", "--format", format, "--jobs", "1", "-v", folder.path])
            for jobs in [2, 4] {
                let run = try await CLIRun(["--records", "--format", format, "--jobs", "\(jobs)", "-v", folder.path])
                #expect(run.stdout == one.stdout, "--format \(format) --jobs \(jobs), order \(index)")
                #expect(run.stderr == one.stderr, "--format \(format) --jobs \(jobs), order \(index)")
            }
        }
    }

    /// Copies the fixtures into a new folder under names that sort in `order`.
    static func folder(_ order: [String], name: String) throws -> URL {
        let source = CLIRun.packageRoot.appendingPathComponent("Fixtures/counting")
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("counting-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, file) in order.enumerated() {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file),
                                             to: folder.appendingPathComponent("\(index)-\(file)"))
        }
        return folder
    }
}

/// The sum of a tsv column.
func tsvSum(_ text: String, column: String) -> Int {
    let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    guard let header = lines.first, let index = header.firstIndex(where: { $0 == column }) else { return -1 }
    return lines.dropFirst().reduce(0) { $0 + (Int($1[index]) ?? 0) }
}

/// The objects of an ndjson text.
func ndjson(_ text: String) -> [[String: Any]] {
    text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
}
