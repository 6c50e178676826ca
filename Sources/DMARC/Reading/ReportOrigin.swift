/// Where a report or a problem comes from: a file, and inside it the archive members or attachments.
public struct ReportOrigin: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The path as the user gave it (`-` for standard input).
    public var file: String
    /// Names inside the file, outermost first: a zip member, a mail message and its attachment.
    public var members: [String]

    public init(file: String, members: [String] = []) {
        self.file = file
        self.members = members
    }

    /// The same origin, one level deeper.
    public func appending(_ member: String) -> ReportOrigin {
        ReportOrigin(file: file, members: members + [member])
    }

    /// `file: member: member`, as error lines show it.
    public var description: String { ([file] + members).joined(separator: ": ") }
}
