@testable import DMARC
import Testing

/// The audit's ids (`DomainNames`) and its report-at-a-time counting (`AuditTally.addTentatively`): whatever the
/// records, they must give what the texts and `add(_:in:)` give.
@Suite("Audit tally ids and tentative reports")
struct AuditTallyTests {
    /// Domains as reports write them: cases, trailing dots, empty ones, public suffixes, private-section suffixes.
    private static let domains = [
        "example.com", "Example.COM", "example.com.", "mail.example.com", "MAIL.Example.com.", "example.com..",
        "example.net", "bounce.esp.example.net", "", ".", "com", "co.uk", "shop.example.co.uk", "example.co.uk",
        "alice.github.io", "bob.github.io", "github.io", "ÉXAMPLE.fr", "éxample.fr",
    ]

    @Test("a written domain's id is its lower-cased name's, and organisational ids agree with libpsl")
    func domainNamesFollowTheTexts() {
        var names = DomainNames()
        for a in Self.domains {
            let id = names.id(ofWritten: a)
            #expect(names.names[Int(id)] == OrganisationalDomain.normalised(a), "\(a)")
            #expect(names.id(ofNormalised: OrganisationalDomain.normalised(a)) == id, "\(a)")
            for b in Self.domains {
                let other = names.id(ofWritten: b)
                #expect((id == other) == (OrganisationalDomain.normalised(a) == OrganisationalDomain.normalised(b)),
                        "\(a) \(b)")
                let sameOrganisation = names.organisationalID(of: id) == names.organisationalID(of: other)
                let expected = OrganisationalDomain.of(normalised: OrganisationalDomain.normalised(a))
                    == OrganisationalDomain.of(normalised: OrganisationalDomain.normalised(b))
                #expect(sameOrganisation == expected, "\(a) \(b)")
            }
        }
    }

    /// Records over every combination of a few `header_from`, DKIM and SPF domains, results and alignment modes.
    private static func reports() -> [(ReportHeader, [Record])] {
        let results: [(DKIMResult, SPFResult)] = [(.pass, .pass), (.fail, .softfail), (.none, .fail), (.neutral, .none),
                                                  (.permerror, .pass), (.fail, .permerror)]
        var reports: [(ReportHeader, [Record])] = []
        for (index, mode) in [Alignment?.none, .strict, .relaxed].enumerated() {
            let header = ReportHeader(metadata: ReportMetadata(dateRange: DateRange(begin: 1_735_689_600 + Int64(index) * 86_400)),
                                      policy: PolicyPublished(domain: index == 1 ? "Example.com." : "example.com",
                                                              adkim: mode, aspf: mode, p: .reject, pct: 50 * index))
            var records: [Record] = []
            for (n, headerFrom) in ["example.com", "Mail.Example.com", "", "example.co.uk"].enumerated() {
                for (m, authenticated) in Self.domains.enumerated() {
                    let (dkim, spf) = results[(n + m) % results.count]
                    let evaluated = PolicyEvaluated(disposition: .none, dkim: dkim == .pass && m % 3 == 0 ? .pass : .fail,
                                                    spf: .fail,
                                                    reasons: m % 7 == 3 ? [OverrideReason(type: .forwarded)] : [])
                    records.append(Record(
                        sourceIP: SourceIP(reportText: "192.0.2.\(m)"), count: UInt64(n + m),
                        policyEvaluated: evaluated, identifiers: Identifiers(headerFrom: headerFrom),
                        authResults: AuthResults(
                            dkim: m % 5 == 4 ? [] : [DKIMAuthResult(domain: authenticated, selector: m % 2 == 0 ? "s\(n)" : nil,
                                                                    result: dkim)],
                            spf: [SPFAuthResult(domain: authenticated, scope: m % 3 == 1 ? "HELO" : "mfrom", result: spf),
                                  SPFAuthResult(domain: m % 4 == 2 ? "em1.sendgrid.net" : "example.net", result: .pass)])))
                }
            }
            reports.append((header, records))
        }
        return reports
    }

    @Test("each record's diagnosis by ids is the one from its texts")
    func diagnosisByIDsIsTheTextsOne() {
        for (header, records) in Self.reports() {
            for record in records {
                var tally = AuditTally()
                tally.add(record, in: header)
                let diagnoses = tally.totals.keys.map(\.diagnosis)
                #expect(diagnoses == [Diagnosis(record: record, policy: header.policy)], "\(record)")
            }
        }
    }

    /// What the views show of a tally, in an order that does not depend on hashing.
    private func describe(_ tally: AuditTally) -> [String] {
        SenderAudit(tally).verdicts.map {
            "\($0.sender.name) \($0.sender.authenticatedAs) \($0.headerFrom) \($0.diagnosis) \($0.totals) "
                + "\($0.messagesBySource.map { "\($0.key.text)=\($0.value)" }.sorted())"
        }.sorted()
            + tally.policyDomains.map { domain, totals in
                "\(domain) \(totals.totals) \(totals.policies.sorted()) \(totals.subdomainPolicies.sorted()) "
                    + "\(totals.nonexistentSubdomainPolicies.sorted()) \(totals.percentages.sorted())"
            }.sorted()
            + tally.dkimKeys.map { key, totals in
                "\(key.domain) \(key.selector) \([totals.messages, totals.pass, totals.fail, totals.other]) "
                    + "\(totals.headerFromDomains.sorted())"
            }.sorted()
            + SenderAudit.sources(of: tally).map(\.text).sorted()
    }

    @Test("committed reports count as records added one by one; discarded ones add nothing")
    func tentativeReports() {
        var direct = AuditTally(), tentative = AuditTally()
        for (index, (header, records)) in Self.reports().enumerated() {
            for record in records { tentative.addTentatively(record, in: header) }
            tentative.commitTentative()
            // A report that does not count, with sources, domains and keys of its own.
            let other = ReportHeader(metadata: header.metadata, policy: PolicyPublished(domain: "discarded.example"))
            for record in records {
                var record = record
                record.sourceIP = SourceIP(reportText: "198.51.100.\(index)")
                record.identifiers.headerFrom = "discarded.example"
                record.authResults.dkim.append(DKIMAuthResult(domain: "discarded.example", selector: "x", result: .pass))
                tentative.addTentatively(record, in: other)
            }
            tentative.discardTentative()
            for record in records { direct.add(record, in: header) }
        }
        #expect(describe(tentative) == describe(direct))
        #expect(!describe(tentative).contains { $0.contains("discarded") || $0.contains("198.51.100.") })
    }

    @Test("merged tallies, some with discarded reports, equal one tally")
    func mergeRemapsEveryID() {
        let reports = Self.reports()
        var whole = AuditTally()
        for (header, records) in reports { for record in records { whole.add(record, in: header) } }
        for split in 0...reports.count {
            var first = AuditTally(), second = AuditTally()
            // The second tally sees the names in another order, and a report it discards.
            second.addTentatively(Record(sourceIP: SourceIP(reportText: "203.0.113.9"), count: 5,
                                         identifiers: Identifiers(headerFrom: "zzz.example")), in: reports[0].0)
            second.discardTentative()
            for (index, (header, records)) in reports.enumerated() {
                for record in (index < split ? records : records.reversed()) {
                    if index < split { first.add(record, in: header) } else { second.add(record, in: header) }
                }
            }
            var merged = first
            merged.merge(second)
            #expect(describe(merged) == describe(whole), "split \(split)")
        }
    }

    @Test("a sender named from its tokens' ids is named as from their texts")
    func senderNamesFromIDs() {
        var tally = AuditTally()
        let header = ReportHeader(metadata: ReportMetadata(dateRange: DateRange(begin: 1_735_689_600)),
                                  policy: PolicyPublished(domain: "example.com"))
        // Domains without a name, with `=`, beginning with a combining mark or another non-ASCII character, and one
        // domain passing both DKIM and SPF.
        let domains = ["", "a=b", "=x", "\u{301}mark.example", "éxample.fr", "esp.example.net", "example.com", "mailchimp.com"]
        for (n, dkim) in domains.enumerated() {
            for (m, spf) in domains.enumerated() where m != n || n == 6 {
                let record = Record(sourceIP: SourceIP(reportText: "192.0.2.\(n * 10 + m)"), count: 1,
                                    identifiers: Identifiers(headerFrom: "example.com"),
                                    authResults: AuthResults(
                                        dkim: n == 7 ? [] : [DKIMAuthResult(domain: dkim, result: .pass)],
                                        spf: [SPFAuthResult(domain: spf, scope: m % 2 == 0 ? "helo" : "mfrom", result: .pass)]))
                tally.add(record, in: header)
            }
        }
        let senders = SenderAudit(tally, rule: SteadySourceRule(minimumDays: 1)).verdicts.map(\.sender)
            .filter { $0.kind == .authenticated }
        #expect(senders.count > 40)
        for sender in senders where sender.service == nil {
            #expect(sender.name == Sender(authenticatedAs: Set(sender.authenticatedAs)).name, "\(sender.authenticatedAs)")
        }
    }
}
