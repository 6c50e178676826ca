import Testing

/// `--audit` over `Fixtures/audit` (made by `Fixtures/make-audit-fixtures.py`), where every diagnosis occurs.
@Suite("Audit view")
struct AuditCommandTests {
    let folder = "Fixtures/audit"

    @Test func groupsAndVerdicts() async throws {
        let run = try await CLIRun(["--audit", "--format", "tsv", folder])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == """
            sender\theader_from\tdiagnosis\tverdict\tneeds_action\tservice\tdkim_domains\tspf_domains\tsources\t\
            top_sources\tmessages\tdmarc_pass\tdmarc_fail\tpass_percent\tforwarded_messages\tforwarded_percent\taction
            """)
        let rows = lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { [$0[0], $0[2], $0[4], $0[8], $0[10], $0[12]] } == [
            ["SendGrid", "dkim_not_aligned", "true", "2", "200", "200"],
            ["unknown sources", "likely_spoofing", "false", "3", "90", "90"],
            ["Mailchimp", "spf_not_aligned", "true", "1", "60", "60"],
            ["mail.example.com (HELO only)", "no_dkim", "true", "1", "27", "27"],
            ["example.com (SPF only)", "spf_fails", "true", "1", "35", "25"],
            ["forwarder.example.net (SPF only)", "forwarded", "false", "1", "7", "7"],
            ["lists.example.org (SPF only)", "forwarded", "false", "1", "5", "5"],
            ["example.com", "aligned", "false", "2", "1250", "0"],
        ])
        // The full data stays in tsv: the domain lists and the sources.
        #expect(rows[0][5...7] == ["SendGrid", "sendgrid.net", "bounce.sendgrid.net"])
        #expect(rows[1][9] == "203.0.113.80 (40), 203.0.113.81 (30), 2001:db8:bad::1 (20)")
        #expect(rows[4][13] == "28.6")
    }

    @Test func tableEndsWithAPlainLanguageSummary() async throws {
        let run = try await CLIRun(["--audit", folder])
        #expect(run.stdout.hasPrefix("""
            sender                            header_from  verdict                            messages  dmarc_fail  pass_percent  forwarded_percent  sources  top_sources
            SendGrid                          example.com  DKIM passes for another domain          200         200           0.0                0.0        2  198.51.100.20 (120), 198.51.100.21 (80)

            """))
        #expect(run.stdout.contains("""

            8 senders, 4 need action; 414 of 1,674 messages (24.7 %) fail DMARC and would be rejected under p=reject.
            - SendGrid sending as example.com: DKIM passes for another domain: \
            sign with your own domain at that service (a DKIM key under your domain).

            """))
    }

    @Test func jsonHasCodesNumbersBooleansAndSourceObjects() async throws {
        let run = try await CLIRun(["--audit", "--format", "ndjson", "--include-ips", "192.0.2.50", folder])
        #expect(run.stdout == """
            {"sender":"example.com (SPF only)","header_from":"example.com","diagnosis":"spf_fails","verdict":"SPF fails for your domain","needs_action":true,"service":null,"dkim_domains":[],"spf_domains":["example.com"],"sources":1,"top_sources":[{"ip":"192.0.2.50","messages":35}],"messages":35,"dmarc_pass":10,"dmarc_fail":25,"pass_percent":28.6,"forwarded_messages":0,"forwarded_percent":0.0,"action":"add the source to your SPF record and sign its mail with DKIM (SPF alone fails once forwarded), or stop it sending as your domain"}

            """)
        // Filters apply before the totals: with the own servers' mail beside them, the spoofers stay sporadic.
        let spoofers = try await CLIRun(["--audit", "--format", "json", "--include-ips",
                                         "203.0.113.80,203.0.113.81,192.0.2.10", folder])
        #expect(spoofers.stdout.contains(#""top_sources":[{"ip":"203.0.113.80","messages":40},{"ip":"203.0.113.81","messages":30}]"#))
    }

    @Test func failOnGapsExitsThreeAndSaysWhich() async throws {
        let run = try await CLIRun(["--audit", "--fail-on-gaps", "--format", "json", folder])
        #expect(run.status == 3)
        #expect(run.stderr.contains("dmarc-parse: needs action: SendGrid sending as example.com: DKIM passes for another domain (200 failing messages)\n"))
        let clean = try await CLIRun(["--audit", "--fail-on-gaps", "--include-ips", "192.0.2.10,192.0.2.11", folder])
        #expect(clean.status == 0)
        #expect(clean.stderr.isEmpty)
    }

    @Test func failOnGapsWinsOverAnUnreadableFile() async throws {
        let run = try await CLIRun(["--audit", "--fail-on-gaps", "--format", "tsv", folder, "Fixtures/bad/not-xml.txt"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("dmarc-parse: Fixtures/bad/not-xml.txt: "))
        #expect(run.stderr.contains("dmarc-parse: needs action: Mailchimp sending as example.com: SPF passes for another domain (60 failing messages)\n"))
        #expect(run.stderr.contains("1 file failed"))
        // Without --fail-on-gaps the bad file decides: 1.
        let plain = try await CLIRun(["--audit", "--format", "tsv", folder, "Fixtures/bad/not-xml.txt"])
        #expect(plain.status == 1)
        #expect(!plain.stderr.contains("needs action"))
    }

    @Test func failOnGapsWithoutAuditIsAUsageError() async throws {
        let run = try await CLIRun(["--fail-on-gaps", "-s", folder])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--fail-on-gaps needs --audit"))
        #expect(run.stdout.isEmpty)
    }
}
