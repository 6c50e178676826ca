import Foundation
import Testing

/// The audit's verdicts, the DMARC result rule and the two audit views over `Fixtures/audit-cases` (made by
/// `Fixtures/make-audit-case-fixtures.py`, one folder per case), run through the built binary.
@Suite("Audit cases")
struct AuditCaseCommandTests {
    static func folder(_ name: String) -> String { "Fixtures/audit-cases/" + name }

    /// The tsv rows' sender, header_from, diagnosis, messages, dmarc_pass and forwarded_messages.
    func verdicts(_ arguments: [String]) async throws -> [String] {
        let run = try await CLIRun(["--audit", "--format", "tsv"] + arguments)
        #expect(run.status == 0)
        return run.stdout.split(separator: "\n").dropFirst().map {
            let cells = $0.split(separator: "\t", omittingEmptySubsequences: false)
            return [0, 1, 2, 10, 11, 14].map { String(cells[$0]) }.joined(separator: " | ")
        }
    }

    @Test func oldReporterWithoutPolicyResultsIsJudgedByAuthResults() async throws {
        let folder = Self.folder("old-reporter")
        #expect(try await verdicts([folder]) == [
            "unknown sources | example.com | likely_spoofing | 1 | 0 | 0",
            "example.com | example.com | aligned | 4 | 4 | 0",
            "bounce.example.com (SPF only) | example.com | aligned | 2 | 2 | 0",
        ])
        // Every view counts the same way: the reporters, the sources, and the export says how.
        let reporters = try await CLIRun(["--format", "tsv", folder])
        #expect(reporters.stdout.hasSuffix("\t3\t7\t6\t1\t7\t0\t0\t0\n"))
        let sources = try await CLIRun(["-s", "--failing", "--format", "tsv", folder])
        #expect(sources.stdout.split(separator: "\n").dropFirst().map { $0.prefix(while: { $0 != "\t" }) } == ["203.0.113.5"])
        let records = try await CLIRun(["--records", "--format", "csv", folder])
        #expect(records.stdout.split(separator: "\r\n").map { $0.split(separator: ",").suffix(2).joined(separator: ",") } == [
            "dmarc_result,dmarc_result_source", "pass,auth_results", "pass,auth_results", "fail,auth_results",
        ])
        let tsv = try await CLIRun(["--records", "--format", "tsv", folder])
        #expect(tsv.stdout.split(separator: "\n").first?.split(separator: "\t").count == 14)
    }

    @Test func aMostlyPassingSenderIsNotCalledFailing() async throws {
        #expect(try await verdicts([Self.folder("mostly-passing")]) == ["example.com | example.com | aligned | 4 | 4 | 0"])
    }

    @Test func aSteadySourceOutsideSPFStandsOutFromOneOffSpoofers() async throws {
        #expect(try await verdicts([Self.folder("steady-outside-spf")]) == [
            "unknown sources | example.com | likely_spoofing | 75 | 0 | 0",
            "unauthenticated 192.0.2.77 | example.com | spf_fails | 15 | 0 | 0",
            "example.com | example.com | aligned | 1000 | 1000 | 0",
        ])
        // Two of its five days: sporadic, and folded in with the others.
        let twoDays = ["day0.xml", "day1.xml"].map { Self.folder("steady-outside-spf/") + $0 }
        #expect(try await verdicts(twoDays).first == "unknown sources | example.com | likely_spoofing | 36 | 0 | 0")
    }

    @Test func oneSourceSendingAsTwoDomainsGetsARowForEach() async throws {
        #expect(try await verdicts([Self.folder("two-domains")]) == [
            "example.com | example.org | spf_fails | 20 | 0 | 0",
            "example.com | example.com | aligned | 50 | 50 | 0",
        ])
    }

    @Test func aReturnPathUnderASubdomainAlignsRelaxedOnly() async throws {
        #expect(try await verdicts([Self.folder("subdomain-return-path")]) == [
            "bounce.example.net +1 more (SPF only) | example.net | spf_strict | 12 | 0 | 0",
            "bounce.example.net +1 more (SPF only) | example.co.uk | aligned | 30 | 30 | 0",
        ])
        // What to do names the choice strict alignment leaves.
        let table = try await CLIRun(["--audit", Self.folder("subdomain-return-path")])
        #expect(table.stdout.contains("sending as example.net: SPF passes, strict alignment fails: sign its mail with "
                                      + "DKIM as example.net (d=example.net), or set aspf=r in your DMARC record: SPF "
                                      + "passes for bounce.example.net, and strict alignment accepts only example.net "
                                      + "itself as the return-path (MAIL FROM) domain.\n"))
    }

    @Test func anESPSigningAsItselfAndAPrivateSuffixLookAlike() async throws {
        #expect(try await verdicts([Self.folder("esp-self-signed")]) == [
            "SendGrid | example.com | dkim_not_aligned | 80 | 0 | 0",
            "alice.github.io | bob.github.io | dkim_not_aligned | 15 | 0 | 0",
        ])
    }

    @Test func anOwnServerWhoseOnlyFailuresAreForwardedIsAligned() async throws {
        #expect(try await verdicts([Self.folder("forwarded-own-server")]) == ["example.com | example.com | aligned | 306 | 300 | 6"])
        let table = try await CLIRun(["--audit", Self.folder("forwarded-own-server")])
        #expect(table.stdout.contains("aligned and passing       306           6          98.0                2.0"))
    }

    @Test func aSignatureOfTheDomainFailingAtTheSourceNeedsItsKey() async throws {
        // A key that never passes — none published for the selector (permerror), a stale one at an ESP, a retired
        // one on the domain's relay — is to fix; a key that passes elsewhere failed on the way (a forwarder, a list
        // relaying through Amazon SES), a temperror is a blip, and a made-up selector from one-off sources is spoofing.
        #expect(try await verdicts([Self.folder("dkim-key-missing")]) == [
            "SendGrid | example.com | dkim_fails | 200 | 0 | 0",
            "Mailgun | example.com | dkim_fails | 150 | 0 | 0",
            "unauthenticated 192.0.2.41 | example.com | dkim_fails | 125 | 0 | 0",
            "Amazon SES | example.com | forwarded | 25 | 0 | 25",
            "unknown sources | example.com | likely_spoofing | 20 | 0 | 0",
            "fwd.example.net (SPF only) | example.com | forwarded | 15 | 0 | 15",
            "Postmark | example.com | aligned | 255 | 250 | 5",
            "example.com | example.com | aligned | 1000 | 1000 | 0",
        ])
        let gaps = try await CLIRun(["--audit", "--fail-on-gaps", Self.folder("dkim-key-missing")])
        #expect(gaps.status == 3)
        #expect(gaps.stderr.contains("SendGrid sending as example.com: DKIM fails for your domain (200 failing messages)"))
        // The action names the key to publish, as DNS has it.
        #expect(gaps.stdout.contains("- SendGrid sending as example.com: DKIM fails for your domain: publish the DKIM key "
                                     + "this source signs with, s2._domainkey.example.com, or replace it"))
    }

    @Test func aBrokenSPFRecordOfTheDomainIsAGapOfItsOwnServers() async throws {
        #expect(try await verdicts([Self.folder("spf-permerror")]) == [
            "unauthenticated 192.0.2.25 | example.com | spf_error | 100 | 0 | 0",
            "unknown sources | example.com | likely_spoofing | 20 | 0 | 0",
            "example.com (DKIM only) | example.com | aligned | 300 | 300 | 0",
        ])
    }

    @Test func domainsViewInEveryFormat() async throws {
        let folders = ["Fixtures/audit", Self.folder("two-domains")]
        let table = try await CLIRun(["--domains"] + folders)
        #expect(table.stdout == """
            policy_domain  messages  dmarc_pass  dmarc_fail  pass_percent  spf_aligned_percent  dkim_aligned_percent  p     sp    np  pct  testing  senders_needing_action
            example.com        1724        1310         414          76.0                 76.0                  75.4  none  none  -   100  -                             4
            example.org          20           0          20           0.0                  0.0                   0.0  none  none  -   100  -                             1

            """)
        let ndjson = try await CLIRun(["--domains", "--format", "ndjson"] + folders)
        #expect(ndjson.stdout.split(separator: "\n").last == """
            {"policy_domain":"example.org","messages":20,"dmarc_pass":0,"dmarc_fail":20,"pass_percent":0.0,"spf_aligned_percent":0.0,"dkim_aligned_percent":0.0,"p":["none"],"sp":["none"],"np":["-"],"pct":["100"],"testing":["-"],"senders_needing_action":1}
            """)
        let csv = try await CLIRun(["--domains", "--format", "csv"] + folders)
        #expect(csv.stdout.hasPrefix("policy_domain,messages,dmarc_pass,dmarc_fail,pass_percent,spf_aligned_percent,"
                                     + "dkim_aligned_percent,p,sp,np,pct,testing,senders_needing_action\r\nexample.com,1724,1310,414,76.0,76.0,75.4,none,"
                                     + "none,-,100,-,4\r\n"))
    }

    @Test func dkimViewInEveryFormat() async throws {
        let folder = Self.folder("esp-self-signed")
        let json = try await CLIRun(["--dkim", "--format", "json", folder])
        #expect(json.stdout == """
            [
            {"dkim_domain":"sendgrid.net","selector":"s1","messages":80,"pass":80,"fail":0,"other":0,"pass_percent":100.0,"header_from":["example.com"]},
            {"dkim_domain":"alice.github.io","selector":"k1","messages":15,"pass":15,"fail":0,"other":0,"pass_percent":100.0,"header_from":["bob.github.io"]}
            ]

            """)
        let tsv = try await CLIRun(["--dkim", "--format", "tsv", "Fixtures/audit"])
        #expect(tsv.stdout == """
            dkim_domain\tselector\tmessages\tpass\tfail\tother\tpass_percent\theader_from
            example.com\ts1\t1262\t1250\t12\t0\t99.0\texample.com
            sendgrid.net\ts1\t200\t200\t0\t0\t100.0\texample.com

            """)
    }

    /// On the real reports (when present): no sender that passes most of its mail is called failing everything.
    @Test func realReportsNeverCallAMostlyPassingSenderFailing() async throws {
        let corpus = CLIRun.packageRoot.appendingPathComponent("../shared/corpus/real").standardized.path
        guard FileManager.default.fileExists(atPath: corpus) else { return }
        let run = try await CLIRun(["--audit", "--format", "ndjson", corpus])
        let rows = run.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count > 10)
        for row in rows where (row["pass_percent"] as? Double ?? 0) > 50 {
            #expect(row["diagnosis"] as? String != "likely_spoofing", "\(row["sender"] ?? "") is mostly passing")
        }
    }
}
