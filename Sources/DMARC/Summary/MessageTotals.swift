/// Message counts of some set of records, by DMARC outcome and by the disposition applied.
public struct MessageTotals: Sendable, Hashable, Codable {
    public var messages: UInt64 = 0
    /// Messages that passed DMARC (aligned DKIM or aligned SPF passed; see `DMARCOutcome`).
    public var dmarcPass: UInt64 = 0
    /// Messages that failed DMARC: neither the aligned DKIM nor the aligned SPF result was `pass`.
    public var dmarcFail: UInt64 = 0
    /// Messages whose aligned DKIM result passed (`DMARCOutcome.dkimPasses`).
    public var dkimPass: UInt64 = 0
    /// Messages whose aligned SPF result passed (`DMARCOutcome.spfPasses`).
    public var spfPass: UInt64 = 0
    /// Messages by the disposition the receiver applied. The four add up to `messages` unless a reporter left a
    /// record's disposition out or wrote a word no RFC defines; the reader warns about those records.
    public var dispositionNone: UInt64 = 0
    public var dispositionQuarantine: UInt64 = 0
    public var dispositionReject: UInt64 = 0
    /// RFC 9990's `pass`: the message passed DMARC, so no policy applied.
    public var dispositionPass: UInt64 = 0

    public init() {}

    /// Counts one record's messages, of a report published with `policy` (whose alignment modes judge a record
    /// without results in `policy_evaluated`: see `DMARCOutcome`).
    public mutating func add(_ record: Record, policy: PolicyPublished) {
        add(record, outcome: record.dmarcOutcome(under: policy))
    }

    /// Counts one record's messages with its DMARC result worked out already.
    public mutating func add(_ record: Record, outcome: DMARCOutcome) {
        let count = record.count
        messages.addSaturating(count)
        if outcome.passes { dmarcPass.addSaturating(count) } else { dmarcFail.addSaturating(count) }
        if outcome.dkimPasses { dkimPass.addSaturating(count) }
        if outcome.spfPasses { spfPass.addSaturating(count) }
        switch record.policyEvaluated.disposition {
        case .none?: dispositionNone.addSaturating(count)
        case .quarantine?: dispositionQuarantine.addSaturating(count)
        case .reject?: dispositionReject.addSaturating(count)
        case .pass?: dispositionPass.addSaturating(count)
        default: break
        }
    }

    /// Adds another set's counts.
    public mutating func add(_ other: MessageTotals) {
        messages.addSaturating(other.messages)
        dmarcPass.addSaturating(other.dmarcPass)
        dmarcFail.addSaturating(other.dmarcFail)
        dkimPass.addSaturating(other.dkimPass)
        spfPass.addSaturating(other.spfPass)
        dispositionNone.addSaturating(other.dispositionNone)
        dispositionQuarantine.addSaturating(other.dispositionQuarantine)
        dispositionReject.addSaturating(other.dispositionReject)
        dispositionPass.addSaturating(other.dispositionPass)
    }
}
