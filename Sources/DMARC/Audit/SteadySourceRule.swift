/// When a source that authenticates as nothing of the domain's is steady, and so judged as a sender of the domain's
/// own (a server missing from SPF, a service never set up) rather than folded into the unknown sources.
///
/// A source is steady for a `header_from` domain when it appears in reports covering at least `minimumDays`
/// different UTC days, or carries at least `minimumShare` of that domain's messages and at least `minimumMessages`
/// (so that one message of a domain that sent three is no "share"). One-off spoofers are seen on one or two days with
/// a handful of messages each; a forgotten server sends every day, or a real part of the mail. The share counts
/// only for a source seen on two days or more, unless the domain's own reports cover fewer than `minimumDays`
/// days: a burst on one day of three weeks is no steady sender (a dozen spoofed messages are a big share of a
/// small domain's mail), while in one day's reports a day is all there is to go by.
public struct SteadySourceRule: Sendable, Hashable {
    /// Different days (of the report periods' beginnings, UTC): 3.
    public var minimumDays: Int
    /// Share of the `header_from` domain's messages, 0...1: 0.05 (5 %).
    public var minimumShare: Double
    /// Messages a source needs for its share to count: 10.
    public var minimumMessages: UInt64

    /// Days kept per source while counting: the largest `minimumDays` the tally can judge.
    static let dayCap = 7

    /// The rule with these thresholds (the defaults are the documented ones); `minimumDays` is capped at 7.
    public init(minimumDays: Int = 3, minimumShare: Double = 0.05, minimumMessages: UInt64 = 10) {
        self.minimumDays = min(minimumDays, Self.dayCap)
        self.minimumShare = minimumShare
        self.minimumMessages = minimumMessages
    }

    /// Whether a source seen on `days` days with `messages` of the domain's `domainMessages` is steady, the
    /// domain's reports covering `domainDays` days (up to the cap of 7; 1 when unknown).
    public func isSteady(days: Int, messages: UInt64, domainMessages: UInt64, domainDays: Int = 1) -> Bool {
        days >= minimumDays || ((days >= 2 || domainDays < minimumDays) && messages >= minimumMessages
                                && domainMessages > 0 && Double(messages) / Double(domainMessages) >= minimumShare)
    }
}
