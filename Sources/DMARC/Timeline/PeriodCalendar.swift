import Foundation

/// How long one period of a timeline is.
public enum PeriodLength: String, Sendable, CaseIterable {
    /// A calendar day.
    case day
    /// An ISO 8601 week: Monday to Sunday, numbered as ISO 8601 does (week 1 holds the year's first Thursday).
    case week
    /// A calendar month.
    case month
}

/// Cuts time into periods (days, ISO weeks or months) of one time zone, and names them.
///
/// Periods follow the zone's calendar, so a day in a zone with daylight saving time lasts 23 or 25 hours twice a
/// year. Times are seconds since 1970, as reports write them.
public struct PeriodCalendar: Sendable {
    /// Days, ISO weeks or months.
    public let length: PeriodLength
    /// The longest date range spread over periods: 366 days.
    public static let longestRange: Int64 = 366 * 86_400
    /// The zone whose midnights cut the periods.
    public let timeZone: TimeZone
    private let calendar: Calendar
    /// UTC (the default): periods worked out from the seconds (`CivilDate`) for times from 1970 to 9999, where
    /// Foundation's calendar cost about 15,000 instructions a report on the way to the timeline.
    private let isUTC: Bool

    /// Periods of `length` in `timeZone` (UTC unless told otherwise).
    public init(length: PeriodLength, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.init(length: length, timeZone: timeZone, civilDates: true)
    }

    /// `civilDates` false: Foundation's calendar for UTC too (the tests compare the two).
    init(length: PeriodLength, timeZone: TimeZone, civilDates: Bool) {
        self.length = length
        self.timeZone = timeZone
        isUTC = civilDates && ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(timeZone.identifier)
            && timeZone.secondsFromGMT() == 0
        // ISO 8601: weeks start on Monday, week 1 is the one with 4 or more days in the new year.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    private var component: Calendar.Component {
        switch length {
        case .day: .day
        case .week: .weekOfYear
        case .month: .month
        }
    }

    /// The start of the period holding `time`.
    public func start(of time: Int64) -> Int64 {
        if isUTC, let day = CivilDate(time) {
            switch length {
            case .day: return day.startOfDay
            case .week: return day.startOfDay - Int64(day.daysSinceMonday) * 86_400
            case .month: return CivilDate.startOfDay(year: day.year, month: day.month, day: 1)
            }
        }
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        guard let interval = calendar.dateInterval(of: component, for: date) else { return time }
        return Int64(interval.start.timeIntervalSince1970.rounded(.down))
    }

    /// The start of the period after the one that starts at `start`.
    public func start(after start: Int64) -> Int64 {
        if isUTC, let day = CivilDate(start) {
            let periodStart = self.start(of: start)
            switch length {
            case .day: return periodStart + 86_400
            case .week: return periodStart + 7 * 86_400
            case .month:
                return day.month == 12 ? CivilDate.startOfDay(year: day.year + 1, month: 1, day: 1)
                                       : CivilDate.startOfDay(year: day.year, month: day.month + 1, day: 1)
            }
        }
        let date = Date(timeIntervalSince1970: TimeInterval(start))
        guard let interval = calendar.dateInterval(of: component, for: date) else { return start + 86_400 }
        let next = Int64(interval.end.timeIntervalSince1970.rounded(.down))
        return next > start ? next : start + 86_400
    }

    /// The period's name in its zone: `2025-01-31`, `2025-W05` or `2025-01`.
    public func label(_ start: Int64) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if isUTC, let day = CivilDate(start) {
            switch length {
            case .day: return "\(day.year)-\(two(day.month))-\(two(day.day))"
            case .week:
                let week = day.isoWeek
                return "\(week.year)-W\(two(week.week))"
            case .month: return "\(day.year)-\(two(day.month))"
            }
        }
        let date = Date(timeIntervalSince1970: TimeInterval(start))
        switch length {
        case .day:
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return "\(parts.year ?? 0)-\(two(parts.month ?? 0))-\(two(parts.day ?? 0))"
        case .week:
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            return "\(parts.yearForWeekOfYear ?? 0)-W\(two(parts.weekOfYear ?? 0))"
        case .month:
            let parts = calendar.dateComponents([.year, .month], from: date)
            return "\(parts.year ?? 0)-\(two(parts.month ?? 0))"
        }
    }

    /// The periods a report's date range overlaps, with the seconds of it each holds.
    ///
    /// A range is read as `[begin, end)`; an end at `…:59` seconds is read as the last second covered (most
    /// reporters write `00:00:00` to `23:59:59`), so `[begin, end + 1)`. A range with no length belongs to the
    /// period of its begin, and so does one longer than `longestRange` (no reporter covers more than a year; such
    /// a range is a mistake, and spreading it would fill decades with made-up traffic).
    public func overlaps(of range: DateRange) -> [(start: Int64, seconds: UInt64)] {
        let begin = range.begin
        let end = (range.end &+ 1) % 60 == 0 && range.end < .max ? range.end + 1 : range.end
        var periodStart = start(of: begin)
        let (length, overflow) = end.subtractingReportingOverflow(begin)
        guard end > begin, !overflow, length <= Self.longestRange else { return [(periodStart, 1)] }
        var result: [(start: Int64, seconds: UInt64)] = []
        while periodStart < end {
            let next = start(after: periodStart)
            let from = max(begin, periodStart), to = min(end, next)
            if to > from { result.append((periodStart, UInt64(to - from))) }
            periodStart = next
        }
        return result
    }
}
