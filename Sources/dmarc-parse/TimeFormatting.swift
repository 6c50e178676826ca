import Foundation

/// ISO 8601 in UTC (`2025-01-01T00:00:00Z`), thread-safe and without Foundation's formatters.
///
/// From 1970 to 9999 the date is worked out here (the days to a civil date, H. Hinnant's `civil_from_days`) and
/// written digit by digit: the records view writes two times per report, and `gmtime_r` with string
/// interpolation cost some 7,000 instructions each. Other times go through `gmtime_r`.
func iso8601(_ seconds: Int64) -> String {
    guard seconds >= 0 && seconds < 253_402_300_800 else { return iso8601UsingGmtime(seconds) }
    let days = seconds / 86_400, secondOfDay = seconds % 86_400
    let shifted = days + 719_468  // days since 0000-03-01
    let era = shifted / 146_097, dayOfEra = shifted % 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return String(unsafeUninitializedCapacity: 20) { text in
        func put(_ value: Int64, digits: Int, at offset: Int) {
            var value = value
            for index in (0..<digits).reversed() {
                text[offset + index] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
                value /= 10
            }
        }
        put(year, digits: 4, at: 0)
        text[4] = 0x2D
        put(month, digits: 2, at: 5)
        text[7] = 0x2D
        put(day, digits: 2, at: 8)
        text[10] = 0x54
        put(secondOfDay / 3600, digits: 2, at: 11)
        text[13] = 0x3A
        put(secondOfDay / 60 % 60, digits: 2, at: 14)
        text[16] = 0x3A
        put(secondOfDay % 60, digits: 2, at: 17)
        text[19] = 0x5A
        return 20
    }
}

/// `iso8601` through the C library, for any time it can represent (else the seconds as they are).
func iso8601UsingGmtime(_ seconds: Int64) -> String {
    var time = time_t(seconds)
    var parts = tm()
    guard gmtime_r(&time, &parts) != nil else { return String(seconds) }
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
        + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
}

/// Reads `2025-01-31`, `2025-01-31T12:00:00Z` or seconds since 1970; nil for anything else.
func parseTime(_ text: String) -> Int64? {
    if let seconds = Int64(text) { return seconds }
    let formats = ["yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"]
    for format in formats {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970) }
    }
    return nil
}
