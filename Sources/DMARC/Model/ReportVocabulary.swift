/// A closed set of words a report uses for one field, read leniently.
///
/// Reporters write `Pass`, ` pass `, `hardfail` or words no standard defines. Every vocabulary is read trimmed
/// and case-insensitively, maps the common aliases onto the standard word, and keeps an unknown word as
/// `unrecognised` instead of dropping the record.
public protocol ReportVocabulary: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Every word this vocabulary knows, in lower case, aliases included.
    static var knownWords: [String: Self] { get }
    /// The value for a word outside `knownWords` (kept as written, trimmed and lower-cased).
    static func unrecognised(_ word: String) -> Self
    /// The standard spelling of this value (for unknown words: the word as read).
    var word: String { get }
    /// The values whose `word` reports nearly always write as is, tried before `knownWords` is looked up.
    static var standardValues: [Self] { get }
}

extension ReportVocabulary {
    /// Reads a word as a report writes it.
    public init(reportText: String) {
        // Comparing a short word with a few others costs far less than hashing it for the dictionary, and this
        // runs for several fields of every record.
        for value in Self.standardValues where value.word == reportText {
            self = value
            return
        }
        if let known = Self.knownWords[reportText] {
            self = known
            return
        }
        let normalised = reportText.trimmingReportWhitespace().lowercased()
        self = Self.knownWords[normalised] ?? Self.unrecognised(normalised)
    }

    public var description: String { word }

    public static var standardValues: [Self] { [] }

    public init(from decoder: any Decoder) throws {
        self.init(reportText: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(word)
    }
}

extension String {
    /// The string without the XML whitespace (space, tab, CR, LF) around it.
    func trimmingReportWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !$0.isXMLWhitespace }) else { return "" }
        let last = utf8.lastIndex(where: { !$0.isXMLWhitespace })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}

extension UInt8 {
    var isXMLWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
