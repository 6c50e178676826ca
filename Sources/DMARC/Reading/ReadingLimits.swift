/// Bounds on what one input may cost, so that a hostile file ends in an error, not an exhausted machine.
public struct ReadingLimits: Sendable, Hashable {
    /// Bytes that decompression may produce for one input file, all layers together, whatever the ratio; also the
    /// most a zip or a mail message is held in memory. A ceiling only: the ratio below tells a bomb from a big report.
    public var maxDecompressedBytes: Int = 4 << 30
    /// Past `ratioGuardBytes` of output, the bytes decompression produced (all layers together) may be at most this
    /// many times the compressed bytes it read. Report XML compresses 10–40:1, a deflate bomb about 1,000:1 (the
    /// most deflate can do), so a real report of any size reads and a bomb stops after 32 MiB.
    public var maxCompressionRatio: Int = 200
    /// The output below which the ratio is not checked: a stream's first chunks say little about its ratio, and a
    /// small bomb costs nothing.
    public var ratioGuardBytes: Int = 32 << 20
    /// How deep XML elements may nest.
    public var maxElementDepth: Int = 32
    /// The longest text one element may hold.
    public var maxTextBytes: Int = 64 << 10
    /// Members a zip archive may list.
    public var maxZipMembers: Int = 10_000
    /// Containers inside containers (a gzip inside a zip inside a mail message counts 3).
    public var maxNesting: Int = 4
    /// How deep MIME multiparts and attached messages are followed inside one e-mail message (deeper parts are
    /// skipped with a warning).
    public var maxPartDepth: Int = 32
    /// How often one record may repeat `<dkim>`, `<spf>` or `<reason>`, and a report's metadata `<error>`. A record
    /// is handed on whole, so this bounds its memory; real ones list a few.
    public var maxRepeatedElements: Int = 1000

    public init() {}

    /// One of the limits, for error messages.
    public enum Limit: String, Sendable, Hashable {
        case decompressedBytes, compressionRatio, elementDepth, textBytes, zipMembers, nesting, repeatedElements

        /// Whether reaching it ends the whole input: what follows (the next member, part or layer) would
        /// share the budget it exhausted.
        var endsTheInput: Bool { self == .decompressedBytes || self == .compressionRatio }

        func explanation(_ value: Int) -> String {
            switch self {
            case .decompressedBytes: "decompresses to more than \(value.formattedBytes) (a compression bomb?)"
            case .compressionRatio:
                "decompresses to more than \(value) times its compressed size (a compression bomb?)"
            case .elementDepth: "elements nest deeper than \(value) levels"
            case .textBytes: "an element holds more than \(value.formattedBytes) of text"
            case .zipMembers: "zip archive lists more than \(value) members"
            case .nesting: "containers nest more than \(value) deep (archive inside archive ...)"
            case .repeatedElements:
                "a record or its report's metadata repeats an element more than \(value) times "
                    + "(<dkim>, <spf>, <reason>, <error>)"
            }
        }
    }
}

extension Int {
    var formattedBytes: String {
        if self >= 1 << 20 && self % (1 << 20) == 0 { return "\(self >> 20) MiB" }
        if self >= 1 << 10 && self % (1 << 10) == 0 { return "\(self >> 10) KiB" }
        return "\(self) bytes"
    }
}
