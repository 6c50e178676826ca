/// `ReporterIdentity` keys already worked out, by the two fields they come from.
///
/// A folder holds thousands of reports from a handful of reporters, and a key costs a libpsl look-up and some
/// string work (about 24,000 instructions, as much as parsing a one-record report's XML); a dictionary look-up
/// of the two fields costs a few hundred. Each thread's totals keep their own.
struct ReporterKeyCache: Sendable {
    private struct Fields: Hashable, Sendable {
        var email: String
        var orgName: String
    }

    private var keys: [Fields: String] = [:]
    /// Enough for every reporter of any real folder; past it, keys are worked out each time (memory stays bounded).
    private static let capacity = 4096

    /// `ReporterIdentity.key(of: metadata)`.
    mutating func key(of metadata: ReportMetadata) -> String {
        let fields = Fields(email: metadata.email, orgName: metadata.orgName)
        if let key = keys[fields] { return key }
        let key = ReporterIdentity.key(of: metadata)
        if keys.count < Self.capacity { keys[fields] = key }
        return key
    }
}
