/// Records without a disposition the RFCs define (left out, or a word like `deliver`): they count in messages but
/// under none of none, quarantine, reject and pass, so the reader says how many.
struct UndisposedRecords {
    var records = 0
    var messages: UInt64 = 0
    /// The first word seen that no RFC defines (nil while only absent ones were seen).
    var firstWord: String?

    mutating func add(_ word: String?, messages count: UInt64) {
        records += 1
        messages.addSaturating(count)
        if firstWord == nil, let word, !word.isEmpty { firstWord = word }
    }

    /// Adds the records of a later part of the same report.
    mutating func merge(_ later: UndisposedRecords) {
        records += later.records
        messages.addSaturating(later.messages)
        if firstWord == nil { firstWord = later.firstWord }
    }
}
