/// One period of one policy domain.
public struct TimelineRow: Sendable, Hashable {
    /// When the period starts (seconds since 1970) and its name in the calendar's zone.
    public var start: Int64
    public var label: String
    /// The policy domain, lower case.
    public var domain: String
    /// Messages, spread from the reports that overlap the period.
    public var counts: TimelineCounts
    /// Reports, reporters and distinct sources overlapping the period (each counts whole in every period).
    public var reports: Int
    public var reporters: Int
    public var sources: Int
    /// The published `p` and `pct` the reports of the period found, sorted.
    public var policies: [Timeline.PolicySeen]
}
