/// A share as people read it: in percent, shown with one decimal, but never 100.0 while some are left out nor 0.0
/// while some are in — 4,920 passing of 4,922 is 99.9 %, not a "100.0" that hides two failures.
enum Percentage {
    /// `part` of `whole` in percent, kept within 0.1...99.9 unless it is exactly 0 or 100; 0 when `whole` is 0.
    static func of(_ part: UInt64, _ whole: UInt64) -> Double {
        guard whole > 0 else { return 0 }
        let value = Double(part) / Double(whole) * 100
        if part < whole { return max(part > 0 ? 0.1 : 0, min(value, 99.9)) }
        return value
    }
}
