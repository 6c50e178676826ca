/// A day of the proleptic Gregorian calendar in UTC, worked out from seconds since 1970 with integer arithmetic
/// (Howard Hinnant's `civil_from_days` and `days_from_civil`): what `PeriodCalendar` needs for UTC periods,
/// without Foundation's calendar. Only from 1970 to 9999, where it agrees with Foundation's Gregorian calendar
/// (which turns Julian before 1582); outside, `init` gives nil and the caller asks Foundation.
struct CivilDate: Equatable {
    let year: Int
    /// 1–12.
    let month: Int
    /// 1–31.
    let day: Int
    /// Days since 1970-01-01.
    let daysSinceEpoch: Int64

    /// 10000-01-01T00:00:00Z.
    private static let end: Int64 = 253_402_300_800

    /// The day holding `time` (seconds since 1970), or nil outside 1970–9999.
    init?(_ time: Int64) {
        guard time >= 0, time < Self.end else { return nil }
        let days = time / 86_400
        daysSinceEpoch = days
        // civil_from_days, for days ≥ 0 (the era is never negative here).
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // March = 0
        day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    }

    /// The day's first second.
    var startOfDay: Int64 { daysSinceEpoch * 86_400 }

    /// 0 on Monday … 6 on Sunday (1970-01-01 was a Thursday).
    var daysSinceMonday: Int { Int((daysSinceEpoch + 3) % 7) }

    /// The ISO 8601 week and its year: the week holds its Thursday, whose year is the week's.
    var isoWeek: (year: Int, week: Int) {
        let thursday = daysSinceEpoch - Int64(daysSinceMonday) + 3
        guard let day = CivilDate(thursday * 86_400) else { return (year, 1) }  // the first days of 1970
        let dayOfYear = thursday - Self.daysSinceEpoch(year: day.year, month: 1, day: 1)
        return (day.year, Int(dayOfYear / 7) + 1)
    }

    /// The first second of a day (`days_from_civil`; years from 1970).
    static func startOfDay(year: Int, month: Int, day: Int) -> Int64 {
        daysSinceEpoch(year: year, month: month, day: day) * 86_400
    }

    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(year - (month <= 2 ? 1 : 0))
        let era = y / 400  // y ≥ 1969: never negative
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
