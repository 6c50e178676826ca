@testable import DMARC
import Testing

/// The verdict rules of `SenderAudit`: forwarded-only failures, steady against sporadic sources, one row per
/// `header_from` domain; and the per-domain and per-DKIM-key totals of `AuditTally`.
@Suite("Sender audit rules")
struct SenderAuditRuleTests {
    private func record(_ ip: String, _ count: UInt64, pass: Bool = false, headerFrom: String = "example.com",
                        dkim: [(String, String, DKIMResult)] = [], spf: [(String, SPFResult)] = [],
                        reason: PolicyOverride? = nil) -> Record {
        Record(sourceIP: SourceIP(reportText: ip), count: count,
               policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: pass ? .pass : .fail, spf: .fail,
                                                reasons: reason.map { [OverrideReason(type: $0)] } ?? []),
               identifiers: Identifiers(headerFrom: headerFrom),
               authResults: AuthResults(dkim: dkim.map { DKIMAuthResult(domain: $0.0, selector: $0.1, result: $0.2) },
                                        spf: spf.map { SPFAuthResult(domain: $0.0, scope: "mfrom", result: $0.1) }))
    }

    private func header(day: Int64, domain: String = "example.com", p: PolicyAction = .none) -> ReportHeader {
        ReportHeader(metadata: ReportMetadata(dateRange: DateRange(begin: 1_735_689_600 + day * 86_400)),
                     policy: PolicyPublished(domain: domain, p: p, pct: 100))
    }

    private let own: [(String, String, DKIMResult)] = [("example.com", "s1", .pass)]

    @Test func failuresThatAreAllForwardedLeaveASenderAligned() {
        var tally = AuditTally()
        tally.add(record("192.0.2.10", 90, pass: true, dkim: own), in: header(day: 0))
        tally.add(record("192.0.2.10", 10, dkim: [("example.com", "s1", .fail)], reason: .mailingList), in: header(day: 0))
        tally.add(record("203.0.113.70", 7, dkim: [("example.com", "s1", .fail)], spf: [("fwd.example.net", .pass)]),
                  in: header(day: 0))
        let audit = SenderAudit(tally)
        let own = audit.verdicts.first { $0.sender.name == "example.com (DKIM only)" }!
        #expect(own.diagnosis == .aligned)
        #expect(own.forwardedShare == 0.1)
        // A forwarder whose mail is all forwarded keeps the forwarded verdict.
        #expect(audit.verdicts.first { $0.sender.name == "fwd.example.net (SPF only)" }?.diagnosis == .forwarded)
    }

    @Test func aSteadySourceOutsideSPFIsASenderAndOneOffSpoofersAreNot() {
        var tally = AuditTally()
        for day: Int64 in 0..<4 {
            tally.add(record("192.0.2.10", 500, pass: true, dkim: own), in: header(day: day))
            tally.add(record("192.0.2.77", 2, spf: [("example.com", .softfail)]), in: header(day: day))
            for n in 0..<20 {
                tally.add(record("203.0.113.\(Int(day) * 20 + n)", 1, spf: [("example.com", .fail)]), in: header(day: day))
            }
            // A one-off source passing SPF for its own domain authenticates as nothing of ours either.
            tally.add(record("198.51.100.\(day)", 1, spf: [("spammer.example", .pass)]), in: header(day: day))
        }
        let audit = SenderAudit(tally)
        #expect(audit.verdicts.map(\.sender.name) == ["unknown sources", "unauthenticated 192.0.2.77", "example.com (DKIM only)"])
        #expect(audit.verdicts.map(\.diagnosis) == [.likelySpoofing, .spfFailsForDomain, .aligned])
        #expect(audit.verdicts[0].messagesBySource.count == 84)
        // Seen on only 2 days, and 0.4 % of the mail: sporadic.
        var twoDays = AuditTally()
        for day: Int64 in 0..<2 {
            twoDays.add(record("192.0.2.10", 500, pass: true, dkim: own), in: header(day: day))
            twoDays.add(record("192.0.2.77", 2, spf: [("example.com", .softfail)]), in: header(day: day))
        }
        #expect(SenderAudit(twoDays).verdicts.map(\.sender.name) == ["unknown sources", "example.com (DKIM only)"])
        // A real share of the mail makes it steady on one day.
        #expect(SteadySourceRule().isSteady(days: 1, messages: 60, domainMessages: 1000))
        #expect(!SteadySourceRule().isSteady(days: 1, messages: 40, domainMessages: 1000))
        #expect(!SteadySourceRule().isSteady(days: 1, messages: 3, domainMessages: 3))
        // But not a one-day burst when the domain's reports cover three days or more: on two days it is a share.
        #expect(!SteadySourceRule().isSteady(days: 1, messages: 60, domainMessages: 1000, domainDays: 3))
        #expect(SteadySourceRule().isSteady(days: 2, messages: 60, domainMessages: 1000, domainDays: 7))
        var burst = AuditTally()
        for day: Int64 in 0..<21 where day.isMultiple(of: 4) {
            burst.add(record("192.0.2.10", 1, pass: true, dkim: own), in: header(day: day))
        }
        burst.add(record("185.220.101.47", 12, spf: [("example.com", .fail)]), in: header(day: 9))
        #expect(SenderAudit(burst).verdicts.map(\.sender.name) == ["unknown sources", "example.com (DKIM only)"])
        var oneDay = AuditTally()
        oneDay.add(record("192.0.2.10", 100, pass: true, dkim: own), in: header(day: 0))
        oneDay.add(record("192.0.2.77", 12, spf: [("example.com", .fail)]), in: header(day: 0))
        #expect(SenderAudit(oneDay).verdicts.map(\.sender.name) == ["unauthenticated 192.0.2.77", "example.com (DKIM only)"])
    }

    @Test func oneSourceSendingAsTwoDomainsIsJudgedPerDomain() {
        var tally = AuditTally()
        tally.add(record("192.0.2.10", 50, pass: true, dkim: own), in: header(day: 0))
        tally.add(record("192.0.2.10", 20, headerFrom: "example.org", spf: [("example.org", .softfail)]),
                  in: header(day: 0, domain: "example.org"))
        let rows = SenderAudit(tally).verdicts.map { "\($0.headerFrom) \($0.diagnosis.rawValue) \($0.totals.messages)" }
        #expect(rows == ["example.org spf_fails 20", "example.com aligned 50"])
    }

    @Test func aKnownServiceIsOneSenderWhateverDomainsEachSourceShowed() {
        var tally = AuditTally()
        tally.add(record("198.51.100.20", 120, dkim: [("sendgrid.net", "s1", .pass)]), in: header(day: 0))
        tally.add(record("198.51.100.21", 80, dkim: [("sendgrid.net", "s1", .pass)], spf: [("bounce.sendgrid.net", .pass)]),
                  in: header(day: 0))
        let audit = SenderAudit(tally)
        #expect(audit.verdicts.count == 1)
        #expect(audit.verdicts[0].sender.name == "SendGrid")
        #expect(audit.verdicts[0].sender.authenticatedAs == ["d=sendgrid.net", "mfrom=bounce.sendgrid.net"])
        #expect(audit.verdicts[0].messagesBySource.count == 2)
    }

    @Test func aSporadicBusinessServiceIsASenderButAFreeMailboxIsNot() {
        var tally = AuditTally()
        tally.add(record("192.0.2.10", 1000, pass: true, dkim: own), in: header(day: 0))
        tally.add(record("198.51.100.30", 3, spf: [("mcsv.net", .pass)]), in: header(day: 0))
        tally.add(record("209.85.220.9", 2, dkim: [("gmail.com", "20230601", .pass)], spf: [("gmail.com", .pass)]),
                  in: header(day: 0))
        let rows = SenderAudit(tally).verdicts.map { "\($0.sender.name) \($0.diagnosis.rawValue)" }
        #expect(rows == ["Mailchimp spf_not_aligned", "unknown sources likely_spoofing", "example.com (DKIM only) aligned"])
    }

    @Test func aFailingSignatureOfTheDomainIsJudgedByItsKey() {
        // The domain's relay signs with a retired key (never passes), a list relays through Amazon SES and breaks a
        // key that passes from the domain's own server, an ESP's key meets a temperror once; a report with no
        // selector gives no key to test. Split over two tallies either way (two threads), the same verdicts.
        let rows: [(Record, ReportHeader)] = (0..<3).flatMap { day -> [(Record, ReportHeader)] in
            [(record("192.0.2.41", 20, dkim: [("example.com", "relay2023", .fail)], spf: [("example.com", .softfail)]),
              header(day: day)),
             (record("54.240.8.13", 4, dkim: [("example.com", "s1", .fail)], spf: [("amazonses.com", .pass)]),
              header(day: day)),
             (record("50.31.156.10", 30, pass: true, dkim: [("example.com", "pm", .pass)],
                     spf: [("pm-bounces.postmarkapp.com", .pass)]), header(day: day)),
             (record("50.31.156.10", 2, dkim: [("example.com", "pm", .temperror)],
                     spf: [("pm-bounces.postmarkapp.com", .pass)]), header(day: day)),
             (record("198.51.100.30", 9, dkim: [("example.com", "", .fail)], spf: [("mailgun.org", .pass)]),
              header(day: day)),
             (record("192.0.2.10", 100, pass: true, dkim: own), header(day: day))]
        }
        let expected = ["unauthenticated 192.0.2.41 dkim_fails", "Mailgun forwarded", "Amazon SES forwarded",
                        "Postmark aligned", "example.com (DKIM only) aligned"]
        for split in [0, 7, rows.count] {
            var first = AuditTally(), second = AuditTally()
            for (index, (record, header)) in rows.enumerated() {
                if index < split { first.add(record, in: header) } else { second.add(record, in: header) }
            }
            var merged = first
            merged.merge(second)
            second.merge(first)
            for tally in [merged, second] {
                #expect(SenderAudit(tally).verdicts.map { "\($0.sender.name) \($0.diagnosis.rawValue)" } == expected,
                        "split \(split)")
            }
        }
        // One record alone, with no tally to ask: the key missing (permerror), or failing on mail straight from an
        // ESP, is the key; a temperror never is.
        let policy = PolicyPublished(domain: "example.com", p: PolicyAction.none)
        #expect(Diagnosis(record: rows[1].0, policy: policy) == .dkimFailsForDomain)
        #expect(Diagnosis(record: rows[3].0, policy: policy) == .forwarded)
        #expect(Diagnosis(record: rows[0].0, policy: policy) == .forwarded)
    }

    @Test func aMailboxProvidersSharedServersAreNotNamedAfterItsFreeMailboxes() {
        // Google sends Workspace mail, Gmail forwarding and personal Gmail from the same addresses.
        var tally = AuditTally()
        let workspace: [(String, String, DKIMResult)] = [("example.com", "google", .pass)]
        for day: Int64 in 0..<3 {
            tally.add(record("209.85.220.41", 300, pass: true, dkim: workspace, spf: [("example.com", .pass)]),
                      in: header(day: day))
            tally.add(record("209.85.220.41", 20, pass: true, dkim: workspace, spf: [("gmail.com", .pass)]),
                      in: header(day: day))
        }
        var verdicts = SenderAudit(tally).verdicts
        #expect(verdicts.map { "\($0.sender.name) \($0.diagnosis.rawValue)" } == ["example.com +1 more aligned"])
        #expect(verdicts[0].sender.service == nil)
        // One user sending as the domain from a personal Gmail account, through those servers.
        tally.add(record("209.85.220.41", 4, dkim: [("gmail.com", "20230601", .pass)], spf: [("gmail.com", .pass)]),
                  in: header(day: 2))
        verdicts = SenderAudit(tally).verdicts
        #expect(verdicts.map(\.diagnosis) == [.dkimNotAligned])
        #expect(verdicts[0].action.hasPrefix("someone sends as example.com from a personal Gmail mailbox"))
        // A source that passes for nothing but Gmail is Gmail.
        #expect(Sender(authenticatedAs: ["d=gmail.com", "mfrom=gmail.com"]).service == "Gmail")
        #expect(Sender(authenticatedAs: ["d=example.com", "mfrom=gmail.com"]).service == nil)
        #expect(Sender(authenticatedAs: ["d=sendgrid.net", "mfrom=gmail.com"]).service == "SendGrid")
    }

    @Test func aKeyThatStoppedVerifyingFromItsSignerIsRetiredNotForwarded() {
        // A relay signs with s=2024a; the key leaves DNS on day 2 and the relay still signs with it.
        let key: [(String, String, DKIMResult)] = [("example.com", "2024a", .pass)]
        let broken: [(String, String, DKIMResult)] = [("example.com", "2024a", .fail)]
        func tally(failingDays: Range<Int64>) -> AuditTally {
            var tally = AuditTally()
            for day: Int64 in 0..<2 {
                tally.add(record("192.0.2.25", 200, pass: true, dkim: key), in: header(day: day))
            }
            for day in failingDays { tally.add(record("192.0.2.25", 200, dkim: broken), in: header(day: day)) }
            return tally
        }
        let retired = SenderAudit(tally(failingDays: 2..<5)).verdicts
        #expect(retired.map { "\($0.sender.name) \($0.diagnosis.rawValue)" } == ["example.com (DKIM only) dkim_fails"])
        // Most receivers say permerror for a key gone from DNS: the same.
        var gone = tally(failingDays: 0..<0)
        for day: Int64 in 2..<4 {
            gone.add(record("192.0.2.25", 200, dkim: [("example.com", "2024a", .permerror)]), in: header(day: day))
        }
        #expect(SenderAudit(gone).verdicts.map(\.diagnosis) == [.dkimFailsForDomain])
        // Failing on one day after its last pass: a report period may end before the signer's next pass.
        #expect(SenderAudit(tally(failingDays: 2..<3)).verdicts.map(\.diagnosis) == [.aligned])
        // A forwarder breaking the key from its own address after the signer's last pass: the key still works.
        var forwarded = tally(failingDays: 0..<0)
        for day: Int64 in 2..<5 {
            forwarded.add(record("203.0.113.70", 7, dkim: broken, spf: [("fwd.example.net", .pass)]), in: header(day: day))
        }
        #expect(SenderAudit(forwarded).verdicts.map(\.diagnosis) == [.forwarded, .aligned])
        // Split over two tallies (two threads), the same verdict.
        var first = AuditTally(), second = tally(failingDays: 3..<5)
        first.add(record("192.0.2.25", 200, dkim: broken), in: header(day: 2))
        first.merge(second)
        #expect(SenderAudit(first).verdicts.map(\.diagnosis) == [.dkimFailsForDomain])
        second = tally(failingDays: 0..<0)
        second.merge(first)
        #expect(SenderAudit(second).verdicts.map(\.diagnosis) == [.dkimFailsForDomain])
    }

    @Test func aSenderNoServiceIsKnownForIsToldItMayBeASpoofer() {
        var tally = AuditTally()
        for day: Int64 in 0..<3 {
            tally.add(record("192.0.2.10", 500, pass: true, dkim: own), in: header(day: day))
            tally.add(record("5.188.10.7", 4, dkim: [("trk-mailer.example", "s", .pass)],
                             spf: [("trk-mailer.example", .pass)]), in: header(day: day))
            tally.add(record("198.51.100.20", 40, dkim: [("sendgrid.net", "s1", .pass)]), in: header(day: day))
            tally.add(record("203.0.113.9", 2, spf: [("example.com", .none)]), in: header(day: day))
        }
        let actions = Dictionary(uniqueKeysWithValues: SenderAudit(tally).verdicts.map { ($0.sender.name, $0.action) })
        #expect(actions["trk-mailer.example"]?.hasPrefix("if it sends for you, sign its mail with your own domain") == true)
        #expect(actions["trk-mailer.example"]?.hasSuffix("if it is not yours, it spoofs you, and p=quarantine or "
                                                         + "p=reject stops it") == true)
        #expect(actions["SendGrid"] == Diagnosis.dkimNotAligned.action)
        #expect(actions["unauthenticated 203.0.113.9"]?.hasPrefix(Diagnosis.noDKIMSignature.action + "; if it is not yours") == true)
    }

    @Test func aServiceAlignedForPartOfItsMailIsToldTheRestIsAnotherAccount() {
        var tally = AuditTally()
        for day: Int64 in 0..<3 {
            tally.add(record("167.89.100.10", 1000, pass: true, dkim: [("example.com", "s1", .pass), ("sendgrid.net", "s1", .pass)],
                             spf: [("em123.example.com", .pass)]), in: header(day: day))
            tally.add(record("167.89.100.10", 50, dkim: [("sendgrid.net", "s1", .pass)], spf: [("sendgrid.net", .pass)]),
                      in: header(day: day))
        }
        let verdict = try! #require(SenderAudit(tally).verdicts.first)
        #expect(verdict.sender.name == "SendGrid" && verdict.diagnosis == .dkimNotAligned)
        #expect(verdict.action == "3,000 of its messages pass aligned with example.com, but 150 are signed only as "
                    + "another domain: another SendGrid account, subuser or sending domain without example.com set up; "
                    + "sign with your own domain there too (a DKIM key under your domain)")
        #expect(NumberText.grouped(1_234_567) == "1,234,567" && NumberText.grouped(999) == "999")
    }

    @Test func aSenderSigningAsAnotherDomainOfTheAdminsIsToldToSignAsThisOne() {
        var tally = AuditTally()
        for day: Int64 in 0..<3 {
            tally.add(record("209.85.220.41", 500, pass: true, dkim: own, spf: [("example.com", .pass)]), in: header(day: day))
            // The second domain of the same Workspace, no key of its own yet: signed as the first.
            tally.add(record("209.85.220.41", 30, headerFrom: "example.org", dkim: own, spf: [("example.com", .pass)]),
                      in: header(day: day, domain: "example.org"))
        }
        let row = try! #require(SenderAudit(tally).verdicts.first { $0.headerFrom == "example.org" })
        #expect(row.diagnosis == .dkimNotAligned)
        #expect(row.action == "it signs as example.com, another domain of yours: sign example.org's mail as "
                    + "example.org (a DKIM key under example.org where it is sent from)")
    }

    @Test func aRefusedSignatureIsTheSignersToFixWhereverItsKeyPasses() {
        // A 512-bit key: one receiver accepts it, the others refuse it (policy, neutral). Not forwarded mail.
        var tally = AuditTally()
        for day: Int64 in 0..<3 {
            tally.add(record("192.0.2.80", 20, pass: true, dkim: [("example.com", "old", .pass)]), in: header(day: day))
            tally.add(record("192.0.2.80", 30, dkim: [("example.com", "old", .policy)]), in: header(day: day))
            tally.add(record("192.0.2.81", 10, dkim: [("example.com", "old", .neutral)]), in: header(day: day))
        }
        let verdicts = SenderAudit(tally).verdicts
        #expect(verdicts.map { "\($0.sender.name) \($0.diagnosis.rawValue)" }
                    == ["example.com (DKIM only) dkim_fails", "unauthenticated 192.0.2.81 dkim_fails"])
        #expect(verdicts.allSatisfy { $0.forwardedMessages == 0 })
    }

    @Test func mergedTalliesEqualOneTally() {
        var whole = AuditTally(), first = AuditTally(), second = AuditTally()
        let rows: [(Record, ReportHeader)] = (0..<6).map { index in
            (record("192.0.2.\(index % 3)", UInt64(index + 1), pass: index.isMultiple(of: 2), dkim: own,
                    spf: [("example.com", .softfail)]), header(day: Int64(index)))
        }
        for (index, (record, header)) in rows.enumerated() {
            whole.add(record, in: header)
            if index < 3 { first.add(record, in: header) } else { second.add(record, in: header) }
        }
        first.merge(second)
        let describe = { (tally: AuditTally) in
            SenderAudit(tally).verdicts.map { "\($0.sender.name) \($0.diagnosis) \($0.totals.messages)" }
        }
        #expect(describe(first) == describe(whole))
        #expect(first.policyDomains == whole.policyDomains)
        #expect(first.dkimKeys == whole.dkimKeys)
    }

    @Test func policyDomainsAndDKIMKeys() throws {
        var tally = AuditTally()
        tally.add(record("192.0.2.10", 8, pass: true, dkim: own + [("esp.example.net", "k9", .pass)]), in: header(day: 0))
        tally.add(record("192.0.2.11", 2, dkim: [("example.com", "s1", .fail)]), in: header(day: 1, p: .quarantine))
        var rfc9990 = header(day: 2)
        rfc9990.policy.np = .reject
        rfc9990.policy.testing = "Y"
        tally.add(record("192.0.2.10", 0, pass: true, dkim: own), in: rfc9990)
        let domain = try #require(tally.policyDomains["example.com"])
        #expect(domain.nonexistentSubdomainPolicies == ["-", "reject"])
        #expect(domain.testing == ["-", "y"])
        #expect([domain.totals.messages, domain.totals.dmarcPass, domain.totals.dkimPass, domain.totals.spfPass] == [10, 8, 8, 0])
        #expect(domain.policies == ["none", "quarantine"])
        #expect(domain.percentages == ["100"])
        let key = try #require(tally.dkimKeys[DKIMKey(domain: "example.com", selector: "s1")])
        #expect([key.messages, key.pass, key.fail, key.other] == [10, 8, 2, 0])
        #expect(tally.dkimKeys[DKIMKey(domain: "esp.example.net", selector: "k9")]?.pass == 8)
    }
}

/// How enrichment (`SourceEnrichment`) changes the audit's judgement of sources that authenticate as nothing.
@Suite("Sender audit with enrichment")
struct SenderAuditEnrichmentTests {
    private func tally(_ sources: [String]) -> AuditTally {
        var tally = AuditTally()
        let header = ReportHeader(metadata: ReportMetadata(dateRange: DateRange(begin: 1_735_689_600)),
                                  policy: PolicyPublished(domain: "example.com", p: .reject, pct: 100))
        let own = Record(sourceIP: SourceIP(reportText: "192.0.2.10"), count: 900,
                         policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: .pass, spf: .pass),
                         identifiers: Identifiers(headerFrom: "example.com"),
                         authResults: AuthResults(dkim: [DKIMAuthResult(domain: "example.com", result: .pass)], spf: []))
        tally.add(own, in: header)
        for source in sources {
            tally.add(Record(sourceIP: SourceIP(reportText: source), count: 1,
                             policyEvaluated: PolicyEvaluated(disposition: .reject, dkim: .fail, spf: .fail),
                             identifiers: Identifiers(headerFrom: "example.com"),
                             authResults: AuthResults(dkim: [], spf: [SPFAuthResult(domain: "example.com", result: .fail)])),
                      in: header)
        }
        return tally
    }

    @Test("a sporadic source of the domain's own network, or a business service's, is no spoofer")
    func ownNetworkAndServices() {
        let tally = tally(["198.51.100.1", "198.51.100.2", "203.0.113.3", "203.0.113.4"])
        let enrichment: [SourceIP: SourceEnrichment] = [
            SourceIP(reportText: "198.51.100.1"): SourceEnrichment(ptr: "relay.mail.example.com", ptrConfirmed: true),
            SourceIP(reportText: "198.51.100.2"): SourceEnrichment(service: "Zendesk"),
            // An unconfirmed name proves nothing; a cloud server is anyone's.
            SourceIP(reportText: "203.0.113.3"): SourceEnrichment(ptr: "mx.example.com", ptrConfirmed: false),
            SourceIP(reportText: "203.0.113.4"): SourceEnrichment(service: "Amazon EC2"),
        ]
        let names = SenderAudit(tally, enrichment: enrichment).verdicts.map(\.sender.name)
        #expect(names == ["unknown sources", "unauthenticated 198.51.100.1 (example.com)",
                          "unauthenticated 198.51.100.2 (Zendesk)", "example.com (DKIM only)"])
        #expect(SenderAudit(tally).verdicts.map(\.sender.name) == ["unknown sources", "example.com (DKIM only)"])
    }
}
