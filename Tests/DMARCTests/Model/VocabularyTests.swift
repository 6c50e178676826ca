import DMARC
import Testing

/// Enumerated words are read trimmed and case-insensitively, aliases mapped, unknown words kept
/// (`Model/ReportVocabulary.swift`, `Model/Vocabularies.swift`).
@Suite("Vocabularies: lenient words, unknown ones kept")
struct VocabularyTests {
    /// Its one record whose disposition no RFC defines shows in no disposition column, and the reader says so.
    static let undisposedWarning = "1 record (1 message) without a disposition the RFCs define, first "
        + "\"delivered\": counted in messages, in no disposition column"

    @Test func fixture() throws {
        let report = try Fixture.report("quirks/vocabulary.xml", warnings: [Self.undisposedWarning])
        #expect(report.policy == PolicyPublished(domain: "example.com", adkim: .strict, aspf: .relaxed, p: .reject,
                                                 sp: .quarantine, np: PolicyAction.none, pct: 50))
        #expect(report.records.map(\.policyEvaluated) == [
            PolicyEvaluated(disposition: .quarantine, dkim: .pass, spf: .fail,
                            reasons: [OverrideReason(type: .forwarded)]),
            PolicyEvaluated(disposition: .reject, dkim: .fail, spf: .pass,
                            reasons: [OverrideReason(type: .sampledOut), OverrideReason(type: .mailingList)]),
            PolicyEvaluated(disposition: .unrecognised("delivered"), dkim: .unrecognised("softfail"),
                            spf: .unrecognised("error"),
                            reasons: [OverrideReason(type: .unrecognised("something_new"),
                                                     comment: "see https://example.org/why")]),
        ])
        #expect(report.records.map(\.authResults.dkim) == [
            [DKIMAuthResult(domain: "example.com", result: .pass)],
            // `unknown` and `error` are kept as written: which error each means depends on who wrote it.
            [DKIMAuthResult(domain: "example.com", result: .unrecognised("unknown"))],
            [DKIMAuthResult(domain: "example.com", result: .unrecognised("error")),
             DKIMAuthResult(domain: "example.net", result: .unrecognised("bogus"))],
        ])
        #expect(report.records.map(\.authResults.spf) == [
            [SPFAuthResult(domain: "example.com", result: .fail)],
            [SPFAuthResult(domain: "example.com", result: .unrecognised("unknown"))],
            [SPFAuthResult(domain: "example.com", result: .softfail)],
        ])
        #expect(report.records.map(\.failsDMARC) == [false, false, true])
    }

    @Test(arguments: [
        ("pass", SPFResult.pass), ("Pass", .pass), (" PASS\n", .pass), ("\tfail ", .fail),
        ("hardfail", .fail), ("HardFail", .fail), ("unknown", .unrecognised("unknown")),
        ("error", .unrecognised("error")), ("softfail", .softfail), ("neutral", .neutral), ("none", .none), ("temperror", .temperror),
        ("permerror", .permerror), ("Pass? maybe", .unrecognised("pass? maybe")), ("", .unrecognised("")),
    ])
    func spfWords(_ text: String, _ expected: SPFResult) {
        #expect(SPFResult(reportText: text) == expected)
    }

    @Test(arguments: [
        ("pass", DKIMResult.pass), ("FAIL", .fail), ("hardfail", .fail), ("Unknown", .unrecognised("unknown")),
        ("error", .unrecognised("error")), ("policy", .policy), ("neutral", .neutral), ("none", .none),
        ("softfail", .unrecognised("softfail")),
    ])
    func dkimWords(_ text: String, _ expected: DKIMResult) {
        #expect(DKIMResult(reportText: text) == expected)
    }

    @Test func otherVocabularies() {
        #expect(DMARCResult(reportText: " Pass ") == .pass)
        #expect(DMARCResult(reportText: "hardfail") == .unrecognised("hardfail"))
        #expect(Disposition(reportText: "Pass") == .pass)
        #expect(Disposition(reportText: "REJECT") == .reject)
        #expect(PolicyAction(reportText: " None") == PolicyAction.none)
        #expect(Alignment(reportText: "S") == .strict)
        #expect(Alignment(reportText: "relaxed") == .relaxed)
        #expect(Alignment(reportText: "x") == .unrecognised("x"))
        #expect(PolicyOverride(reportText: "Trusted_Forwarder") == .trustedForwarder)
        #expect(PolicyOverride(reportText: "policy_test_mode") == .policyTestMode)
    }

    /// The standard spelling is written back; an unknown word as it was read (trimmed, lower case).
    @Test func words() {
        #expect(SPFResult(reportText: "HardFail").word == "fail")
        #expect(Alignment.relaxed.word == "r")
        #expect(PolicyOverride.sampledOut.description == "sampled_out")
        #expect(Disposition(reportText: " Delivered ").word == "delivered")
    }
}
