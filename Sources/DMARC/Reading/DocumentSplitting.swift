/// Reading one large XML document on several threads: past `threshold` bytes, the records are cut into pieces of
/// about `pieceBytes`, each parsed by a parser of its own on one of `workers` threads, and handed on in document
/// order (`SplitDocumentParser`). What is read is the same as with one parser, to the byte, on any input: a piece
/// that does not parse clean ends the split, and the main parser reads the rest.
public struct DocumentSplitting: Sendable, Hashable {
    /// Threads that parse pieces.
    public var workers: Int
    /// Bytes of a document read by the main parser before splitting is tried: small reports pay nothing.
    public var threshold: Int
    /// The size of a piece (whole records: a piece ends before the first record that starts past this size).
    /// 128 KiB: each piece is held three times while read whole (the piece, the piece between its root tags, and
    /// libxml2's copy), so 1.5 MiB less at the giant report's peak than 256 KiB (and 256 KiB was 2 MiB less than
    /// 512 KiB), for a few thousand more parser contexts, which cost little to the pull parser.
    public var pieceBytes: Int

    public init(workers: Int, threshold: Int = 4 << 20, pieceBytes: Int = 128 << 10) {
        self.workers = max(1, workers)
        self.threshold = threshold
        self.pieceBytes = max(1, pieceBytes)
    }

    /// Pieces cut and not yet handed on, at most: bounds the memory a split holds (bytes and records).
    var maxPiecesInFlight: Int { workers + 1 }
}
