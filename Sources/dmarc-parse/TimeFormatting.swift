import Foundation

/// ISO 8601 in UTC (`2025-01-01T00:00:00Z`), thread-safe and without Foundation's formatters.
func iso8601(_ seconds: Int64) -> String {
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
