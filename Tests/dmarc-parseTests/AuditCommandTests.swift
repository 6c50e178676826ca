import Testing

/// `--audit` over `Fixtures/audit` (made by `Fixtures/make-audit-fixtures.py`), where every diagnosis occurs.
@Suite("Audit view")
struct AuditCommandTests {
    let folder = "Fixtures/audit"

    @Test func groupsAndVerdicts() async throws {
        let run = try await CLIRun(["--audit", "--format", "tsv", folder])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.map { [$0[0], $0[2], $0[3], $0[5], $0[7]] } == [
            ["SendGrid (d=sendgrid.net, mfrom=bounce.sendgrid.net)", "DKIM passes for another domain", "2", "200", "200"],
            ["unauthenticated", "unknown source failing everything", "3", "90", "90"],
            ["Mailchimp (mfrom=mcsv.net)", "SPF passes for another domain", "1", "60", "60"],
            ["helo=mail.example.com", "no DKIM signature", "1", "27", "27"],
            ["mfrom=example.com", "SPF fails for your domain", "1", "35", "25"],
            ["mfrom=forwarder.example.net", "forwarded or mailing list", "1", "7", "7"],
            ["mfrom=lists.example.org", "forwarded or mailing list", "1", "5", "5"],
            ["d=example.com, mfrom=example.com", "aligned and passing", "2", "1250", "0"],
        ])
        #expect(rows[1][4] == "203.0.113.80 (40), 203.0.113.81 (30), 2001:db8:bad::1 (20)")
        #expect(rows[4][8] == "28.6")
    }

    @Test func tableEndsWithAPlainLanguageSummary() async throws {
        let run = try await CLIRun(["--audit", folder])
        #expect(run.stdout.contains("""

            8 senders, 4 need action; 414 of 1,674 messages (24.7 %) fail DMARC and would be rejected under p=reject.
            - SendGrid (d=sendgrid.net, mfrom=bounce.sendgrid.net) sending as example.com: DKIM passes for another domain: \
            sign with your own domain at that service (a DKIM key under your domain).

            """))
    }

    @Test func jsonHasNumbersAndLists() async throws {
        let run = try await CLIRun(["--audit", "--format", "ndjson", "--include-ips", "192.0.2.50", folder])
        #expect(run.stdout == """
            {"sender":"mfrom=example.com","header_from":"example.com","verdict":"SPF fails for your domain","sources":1,"top_sources":["192.0.2.50 (35)"],"messages":35,"dmarc_pass":10,"dmarc_fail":25,"pass_percent":28.6,"action":"add the source to your SPF record, or stop it sending as your domain"}

            """)
    }

    @Test func failOnGapsExitsThreeAndSaysWhich() async throws {
        let run = try await CLIRun(["--audit", "--fail-on-gaps", "--format", "json", folder])
        #expect(run.status == 3)
        #expect(run.stderr.contains("dmarc-parse: needs action: SendGrid (d=sendgrid.net, mfrom=bounce.sendgrid.net) sending as example.com: DKIM passes for another domain (200 failing messages)\n"))
        let clean = try await CLIRun(["--audit", "--fail-on-gaps", "--include-ips", "192.0.2.10,192.0.2.11", folder])
        #expect(clean.status == 0)
        #expect(clean.stderr.isEmpty)
    }
}
