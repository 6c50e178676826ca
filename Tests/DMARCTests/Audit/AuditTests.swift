import DMARC
import Testing

@Suite("Sender audit")
struct AuditTests {
    private func record(_ ip: String, dkimEvaluated: DMARCResult = .fail, spfEvaluated: DMARCResult = .fail,
                        dkim: [(String, DKIMResult)] = [], spf: [(String, SPFResult)] = [],
                        reason: PolicyOverride? = nil, headerFrom: String = "example.com") -> Record {
        Record(sourceIP: SourceIP(reportText: ip), count: 10,
               policyEvaluated: PolicyEvaluated(disposition: .none, dkim: dkimEvaluated, spf: spfEvaluated,
                                                reasons: reason.map { [OverrideReason(type: $0)] } ?? []),
               identifiers: Identifiers(headerFrom: headerFrom),
               authResults: AuthResults(dkim: dkim.map { DKIMAuthResult(domain: $0.0, result: $0.1) },
                                        spf: spf.map { SPFAuthResult(domain: $0.0, scope: "mfrom", result: $0.1) }))
    }

    private let relaxed = PolicyPublished(domain: "example.com", adkim: .relaxed, aspf: .relaxed, p: PolicyAction.none)
    private var header: ReportHeader { ReportHeader(policy: relaxed) }

    @Test func recordDiagnoses() {
        #expect(Diagnosis(record: record("192.0.2.1", dkimEvaluated: .pass, dkim: [("example.com", .pass)]),
                          policy: relaxed) == .aligned)
        #expect(Diagnosis(record: record("192.0.2.1", dkim: [("sendgrid.net", .pass)], spf: [("sendgrid.net", .pass)]),
                          policy: relaxed) == .dkimNotAligned)
        #expect(Diagnosis(record: record("192.0.2.1", spf: [("mcsv.net", .pass)]), policy: relaxed) == .spfNotAligned)
        #expect(Diagnosis(record: record("192.0.2.1", dkim: [("x.example.net", .fail)], spf: [("mail.example.com", .softfail)]),
                          policy: relaxed) == .spfFailsForDomain)
        #expect(Diagnosis(record: record("192.0.2.1", spf: [("example.com", .neutral)]), policy: relaxed) == .noDKIMSignature)
        #expect(Diagnosis(record: record("192.0.2.1", dkim: [("example.com", .fail)], spf: [("fwd.example.net", .pass)]),
                          policy: relaxed) == .forwarded)
        #expect(Diagnosis(record: record("192.0.2.1", reason: .mailingList), policy: relaxed) == .forwarded)
        #expect(Diagnosis(record: record("192.0.2.1", dkim: [("other.example.net", .fail)]), policy: relaxed) == .likelySpoofing)
    }

    /// The domain's own signature that does not verify: forwarding when it broke on the way, a key to fix when the
    /// verifier found none (permerror) or the mail came straight from a sending service. And the domain's own SPF
    /// record in error.
    @Test func aFailingSignatureOfTheDomain() {
        let diagnosis = { (dkim: [(String, DKIMResult)], spf: [(String, SPFResult)]) in
            Diagnosis(record: self.record("192.0.2.1", dkim: dkim, spf: spf), policy: self.relaxed)
        }
        #expect(diagnosis([("example.com", .permerror)], []) == .dkimFailsForDomain)
        #expect(diagnosis([("mail.example.com", .permerror)], [("example.com", .softfail)]) == .dkimFailsForDomain)
        #expect(diagnosis([("example.com", .temperror)], []) == .forwarded)  // a DNS blip
        #expect(diagnosis([("example.com", .fail)], []) == .forwarded)
        #expect(diagnosis([("example.com", .fail)], [("bounces.sendgrid.net", .pass)]) == .dkimFailsForDomain)
        #expect(diagnosis([("example.com", .fail)], [("mcsv.net", .pass)]) == .dkimFailsForDomain)  // Mailchimp
        // Forwarders: one's own domain, a mailbox service's, a security gateway's return path pass SPF.
        #expect(diagnosis([("example.com", .fail)], [("fwd.example.net", .pass)]) == .forwarded)
        #expect(diagnosis([("example.com", .fail)], [("gmail.com", .pass)]) == .forwarded)
        #expect(diagnosis([("example.com", .fail)], [("mx.pphosted.com", .pass)]) == .forwarded)
        #expect(diagnosis([("example.com", .fail)], [("sendgrid.net", .fail)]) == .forwarded)
        // A forwarding reason wins; another domain's failing signature is not the domain's.
        #expect(Diagnosis(record: record("192.0.2.1", dkim: [("example.com", .permerror)], reason: .forwarded),
                          policy: relaxed) == .forwarded)
        #expect(diagnosis([("other.example.net", .permerror)], []) == .likelySpoofing)
        // A signature the receiver refused (a key too weak: policy; a syntax error: neutral) is no forwarding.
        #expect(diagnosis([("example.com", .policy)], [("fwd.example.net", .pass)]) == .dkimFailsForDomain)
        #expect(diagnosis([("example.com", .neutral)], []) == .dkimFailsForDomain)
        #expect(diagnosis([("other.example.net", .policy)], []) == .likelySpoofing)
        #expect(Diagnosis.dkimFailsForDomain.needsAction)
        // The domain's SPF record broken (permerror) for a source of its own; not for another domain's check.
        #expect(diagnosis([], [("example.com", .permerror)]) == .spfErrorForDomain)
        #expect(diagnosis([("x.example.net", .fail)], [("bounce.example.com", .permerror)]) == .spfErrorForDomain)
        #expect(diagnosis([], [("example.com", .temperror)]) == .noDKIMSignature)
        #expect(diagnosis([], [("example.net", .permerror)]) == .noDKIMSignature)
        #expect(diagnosis([("esp.example.net", .pass)], [("example.com", .permerror)]) == .dkimNotAligned)
        #expect(KnownService.withName("SendGrid")?.sendsDirectly == true)
        #expect(KnownService.withName("Gmail")?.sendsDirectly == false)
    }

    /// A key a record lists twice (xs4all.nl does) counts the record's messages once, with its better result.
    @Test func aKeyListedTwiceInARecordCountsItsMessagesOnce() {
        var tally = AuditTally()
        let twice = Record(sourceIP: SourceIP(reportText: "192.0.2.1"), count: 5,
                           identifiers: Identifiers(headerFrom: "example.com"),
                           authResults: AuthResults(dkim: [
                               DKIMAuthResult(domain: "example.com", selector: "s1", result: .fail),
                               DKIMAuthResult(domain: "Example.com", selector: "s1", result: .pass),
                               DKIMAuthResult(domain: "example.com", selector: "s1", result: .permerror),
                               DKIMAuthResult(domain: "example.com", selector: "s2", result: .fail),
                           ]))
        tally.add(twice, in: header)
        tally.add(twice, in: header)
        let keys = tally.dkimKeys
        let s1 = keys[DKIMKey(domain: "example.com", selector: "s1")]
        #expect(s1?.messages == 10 && s1?.pass == 10 && s1?.fail == 0 && s1?.other == 0)
        #expect(keys[DKIMKey(domain: "example.com", selector: "s2")]?.fail == 10)
    }

    @Test func strictAlignmentNeedsTheExactDomain() {
        let strict = PolicyPublished(domain: "example.com", adkim: .strict, aspf: .strict)
        let viaSubdomain = record("192.0.2.1", spf: [("bounce.example.com", .pass)])
        #expect(Diagnosis(record: viaSubdomain, policy: strict) == .spfStrictAlignment)
        #expect(OrganisationalDomain.isAligned("bounce.example.com", with: "example.com", mode: .relaxed))
        #expect(!OrganisationalDomain.isAligned("bounce.example.com", with: "example.com", mode: .strict))
        // The action says what strict alignment leaves to choose; a service's own domain gets the usual one.
        var tally = AuditTally()
        let header = ReportHeader(policy: strict)
        tally.add(record("192.0.2.1", dkim: [("mail.example.com", .pass)]), in: header)
        tally.add(record("192.0.2.2", dkim: [("sendgrid.net", .pass)]), in: header)
        let actions = SenderAudit(tally).verdicts.map { "\($0.sender.name): \($0.diagnosis.rawValue): \($0.action)" }
        #expect(actions.sorted() == [
            "SendGrid: dkim_not_aligned: " + Diagnosis.dkimNotAligned.action,
            "mail.example.com (DKIM only): dkim_strict: sign with exactly example.com (d=example.com), or set adkim=r in your DMARC "
                + "record: it signs as mail.example.com, which strict alignment refuses",
        ])
    }

    @Test func underRelaxedAlignmentAnOwnNameNeverGetsTheStrictAdvice() {
        // One service signs as news.example.com for news.example.com and as itself for example.com (a real Google
        // report, Zoho CRM): the failing mail is the service's own signature, whatever else it signs as.
        var tally = AuditTally()
        let relaxed = ReportHeader(policy: PolicyPublished(domain: "example.com", adkim: .relaxed, aspf: .relaxed))
        tally.add(record("192.0.2.1", dkimEvaluated: .pass, dkim: [("news.example.com", .pass)],
                         headerFrom: "news.example.com"), in: relaxed)
        tally.add(record("192.0.2.1", dkim: [("zohocrm.com", .pass)]), in: relaxed)
        let verdict = SenderAudit(tally).verdicts.first { $0.headerFrom == "example.com" }
        #expect(verdict?.diagnosis == .dkimNotAligned)
        #expect(verdict?.action == Diagnosis.dkimNotAligned.action)
    }

    @Test func aSenderAlignedBySPFAloneIsToldToSign() {
        var tally = AuditTally()
        let header = ReportHeader(policy: PolicyPublished(domain: "example.com"))
        tally.add(record("192.0.2.1", spfEvaluated: .pass, dkim: [("mailgun.org", .pass)],
                         spf: [("bounce.example.com", .pass)]), in: header)
        tally.add(record("192.0.2.2", dkimEvaluated: .pass, spfEvaluated: .pass, dkim: [("example.net", .pass)],
                         spf: [("example.net", .pass)], headerFrom: "example.net"), in: header)
        let actions = SenderAudit(tally).verdicts.map { "\($0.diagnosis.rawValue): \($0.action)" }
        #expect(actions.sorted() == [
            "aligned: nothing to do",
            "aligned: nothing to do; aligned by SPF alone, which forwarding breaks: a DKIM key under your domain keeps "
                + "its mail passing",
        ])
    }

    @Test func aFreeMailboxGetsNoAdviceItCannotFollow() {
        var tally = AuditTally()
        let header = ReportHeader(policy: PolicyPublished(domain: "example.com"))
        tally.add(record("209.85.220.41", dkim: [("gmail.com", .pass)], spf: [("gmail.com", .pass)]), in: header)
        let verdict = SenderAudit(tally).verdicts.first
        #expect(verdict?.diagnosis == .dkimNotAligned && verdict?.diagnosis.needsAction == true)
        #expect(verdict?.action == "someone sends as example.com from a personal Gmail mailbox, which cannot sign with "
            + "your domain: have them send through your own mail service (under p=reject this mail is lost)")
    }

    @Test func organisationalDomains() {
        #expect(OrganisationalDomain.of("mail.Example.COM.") == "example.com")
        #expect(OrganisationalDomain.of("a.b.example.co.uk") == "example.co.uk")
        #expect(OrganisationalDomain.of("example.com") == "example.com")
        #expect(OrganisationalDomain.of("com") == "com")
        #expect(!OrganisationalDomain.isAligned("example.co.uk", with: "other.co.uk", mode: .relaxed))
        // The Public Suffix List, private section included: these are suffixes, not organisations.
        #expect(OrganisationalDomain.of("alice.github.io") == "alice.github.io")
        #expect(OrganisationalDomain.of("www.alice.github.io") == "alice.github.io")
        #expect(OrganisationalDomain.of("github.io") == "github.io")
        #expect(OrganisationalDomain.of("bucket.s3.amazonaws.com") == "bucket.s3.amazonaws.com")
        #expect(OrganisationalDomain.of("mail.school.pvt.k12.ma.us") == "school.pvt.k12.ma.us")
        #expect(!OrganisationalDomain.isAligned("alice.github.io", with: "bob.github.io", mode: .relaxed))
        #expect(OrganisationalDomain.isAligned("bounce.mail.example.co.uk", with: "example.co.uk", mode: .relaxed))
        #expect(OrganisationalDomain.listDescription.contains("20"))
    }

    @Test func knownServices() {
        #expect(KnownService.named(by: "bounce.sendgrid.net") == "SendGrid")
        #expect(KnownService.named(by: "eu-west-1.amazonses.com") == "Amazon SES")
        #expect(KnownService.named(by: "example.com") == nil)
    }

    @Test func sendersGroupSourcesByAuthenticatedDomains() throws {
        var tally = AuditTally()
        tally.add(record("198.51.100.1", dkim: [("sendgrid.net", .pass)], spf: [("sendgrid.net", .pass)]), in: header)
        tally.add(record("198.51.100.2", dkim: [("sendgrid.net", .pass)], spf: [("sendgrid.net", .pass)]), in: header)
        tally.add(record("203.0.113.9", spf: [("example.com", .fail)]), in: header)
        tally.add(record("192.0.2.7", dkimEvaluated: .pass, dkim: [("example.com", .pass)]), in: header)
        let audit = SenderAudit(tally)
        // 203.0.113.9 sends a quarter of the mail: steady, so a sender of its own with a gap, not a spoofer.
        #expect(audit.verdicts.map(\.sender.name) == ["SendGrid", "unauthenticated 203.0.113.9", "example.com (DKIM only)"])
        #expect(audit.verdicts.map(\.diagnosis) == [.dkimNotAligned, .spfFailsForDomain, .aligned])
        #expect(audit.verdicts[0].sources.map(\.source.text) == ["198.51.100.1", "198.51.100.2"])
        #expect(audit.senderCount == 3)
        #expect(audit.sendersNeedingAction == 2)
        #expect(audit.totals.dmarcFail == 30)
    }
}
