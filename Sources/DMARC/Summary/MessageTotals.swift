/// Message counts of some set of records, by DMARC outcome and by the disposition applied.
public struct MessageTotals: Sendable, Hashable, Codable {
    public var messages: UInt64 = 0
    /// Messages that passed DMARC (aligned DKIM or aligned SPF passed).
    public var dmarcPass: UInt64 = 0
    /// Messages that failed DMARC: neither the aligned DKIM nor the aligned SPF result was `pass`.
    public var dmarcFail: UInt64 = 0
    public var dkimPass: UInt64 = 0
    public var spfPass: UInt64 = 0
    /// Messages by the disposition the receiver applied.
    public var dispositionNone: UInt64 = 0
    public var dispositionQuarantine: UInt64 = 0
    public var dispositionReject: UInt64 = 0

    public init() {}

    /// Counts one record's messages.
    public mutating func add(_ record: Record) {
        let count = record.count
        messages &+= count
        if record.failsDMARC { dmarcFail &+= count } else { dmarcPass &+= count }
        if record.policyEvaluated.dkimPasses { dkimPass &+= count }
        if record.policyEvaluated.spfPasses { spfPass &+= count }
        switch record.policyEvaluated.disposition {
        case .none?: dispositionNone &+= count
        case .quarantine?: dispositionQuarantine &+= count
        case .reject?: dispositionReject &+= count
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
    }
}
