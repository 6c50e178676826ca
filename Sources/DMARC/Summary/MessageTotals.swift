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
        messages &+= count
        if outcome.passes { dmarcPass &+= count } else { dmarcFail &+= count }
        if outcome.dkimPasses { dkimPass &+= count }
        if outcome.spfPasses { spfPass &+= count }
        switch record.policyEvaluated.disposition {
        case .none?: dispositionNone &+= count
        case .quarantine?: dispositionQuarantine &+= count
        case .reject?: dispositionReject &+= count
        case .pass?: dispositionPass &+= count
        default: break
        }
    }

    /// Adds another set's counts.
    public mutating func add(_ other: MessageTotals) {
        messages &+= other.messages
        dmarcPass &+= other.dmarcPass
        dmarcFail &+= other.dmarcFail
        dkimPass &+= other.dkimPass
        spfPass &+= other.spfPass
        dispositionNone &+= other.dispositionNone
        dispositionQuarantine &+= other.dispositionQuarantine
        dispositionReject &+= other.dispositionReject
        dispositionPass &+= other.dispositionPass
    }
}
