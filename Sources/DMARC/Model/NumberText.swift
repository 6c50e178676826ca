/// Numbers as people read them in tables and sentences.
public enum NumberText {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ number: UInt64) -> String {
        let digits = Array(String(number))
        var text = ""
        text.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
