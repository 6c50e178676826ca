/// The message counts of a period: 20 disjoint cells, and the totals read from them.
public struct TimelineCounts: Sendable, Hashable {
    static let cellCount = 20
    var cells = [UInt64](repeating: 0, count: cellCount)

    /// No messages.
    public init() {}

    /// Cells: bit 0 aligned SPF passed, bit 1 aligned DKIM passed; then 4 × the disposition
    /// (none, quarantine, reject, RFC 9990 pass, other or left out).
    static func cellIndex(of record: Record, outcome: DMARCOutcome) -> Int {
        let disposition = switch record.policyEvaluated.disposition {
        case .none?: 0
        case .quarantine?: 1
        case .reject?: 2
        case .pass?: 3
        default: 4
        }
        return (outcome.spfPasses ? 1 : 0) + (outcome.dkimPasses ? 2 : 0) + 4 * disposition
    }

    /// Adds another period's counts.
    public mutating func add(_ other: TimelineCounts) {
        for index in cells.indices { cells[index].addSaturating(other.cells[index]) }
    }

    private func sum(_ included: (Int) -> Bool) -> UInt64 {
        cells.indices.reduce(0) { included($1) ? $0 &+ cells[$1] : $0 }
    }

    /// All messages.
    public var messages: UInt64 { sum { _ in true } }
    /// Messages whose aligned SPF or aligned DKIM passed.
    public var dmarcPass: UInt64 { sum { $0 % 4 != 0 } }
    /// Messages whose aligned SPF and aligned DKIM both did not pass.
    public var dmarcFail: UInt64 { sum { $0 % 4 == 0 } }
    /// Messages whose `policy_evaluated/spf` is `pass`.
    public var spfAligned: UInt64 { sum { $0 & 1 != 0 } }
    /// Messages whose `policy_evaluated/dkim` is `pass`.
    public var dkimAligned: UInt64 { sum { $0 & 2 != 0 } }
    /// Messages by the disposition the receiver applied.
    public var dispositionNone: UInt64 { sum { $0 / 4 == 0 } }
    public var dispositionQuarantine: UInt64 { sum { $0 / 4 == 1 } }
    public var dispositionReject: UInt64 { sum { $0 / 4 == 2 } }
    /// RFC 9990's `pass` disposition.
    public var dispositionPass: UInt64 { sum { $0 / 4 == 3 } }
}
