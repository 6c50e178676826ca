/// Records whose `<source_ip>` is no IP address, even read leniently (`SourceIP`): they count under the text as
/// written, which no address filter matches, so the reader says how many.
struct UnaddressedSources {
    var records = 0
    /// The first one's text.
    var first: String?

    mutating func add(_ source: SourceIP) {
        records += 1
        if first == nil { first = source.text }
    }

    /// Adds the records of a later part of the same report.
    mutating func merge(_ later: UnaddressedSources) {
        records += later.records
        if first == nil { first = later.first }
    }
}
