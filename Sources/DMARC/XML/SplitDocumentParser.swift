/// Reads the records of one large document on several threads, from the first cut on (`XMLDocumentSink` makes
/// one once its main parser stands between two records, past `DocumentSplitting.threshold`).
///
/// On the feeding thread, `RecordBoundaryScanner` cuts the bytes that arrive into pieces of whole records, about
/// `pieceBytes` each; `PieceWorkers` parse them elsewhere (`PieceParser`), and their outcomes come back here in
/// document order, where the main builder takes them (`ReportBuilder.absorb`) as if it had read them: the handler
/// stays on this thread and sees the records in file order. Why that is the same as one parse: the main parser
/// stands in `<feedback>`, one level deep, between two children, and a piece that parses clean from there (from
/// `<feedback>`, to a `</feedback>` that closes it) leaves a parser there again, having read the same events.
///
/// The first piece that is not clean ends the split: it, the pieces cut after it and the rest of the document go
/// to the main parser, in order, so that what a broken document reads as (its records, its errors, its lines) is
/// what one parse reads. The last stretch of the document, after the last cut, always goes to the main parser.
final class SplitDocumentParser {
    private let parser: XMLPushParser
    private let builder: ReportBuilder
    private let workers: PieceWorkers
    private let pieceBytes: Int
    private let maxInFlight: Int
    private var scanner = RecordBoundaryScanner()
    /// The bytes since the last cut: they begin with a record start tag.
    private var pending: [UInt8] = []
    /// Pieces cut and not yet handed on, in document order (a few).
    private var inFlight: [PieceWorkers.Job] = []
    /// False once the split ended (a piece not clean, or the document's end): bytes go to the main parser.
    private(set) var isSplitting = true
    /// Pieces handed on as parsed elsewhere (the split ran).
    private(set) var piecesHandedOn = 0

    /// Splits what follows; `parser` and `builder`, the main ones, stand between two records.
    init(parser: XMLPushParser, builder: ReportBuilder, splitting: DocumentSplitting, pieceParser: PieceParser) {
        self.parser = parser
        self.builder = builder
        pieceBytes = splitting.pieceBytes
        maxInFlight = splitting.maxPiecesInFlight
        workers = PieceWorkers(count: splitting.workers, parser: pieceParser)
        pending.reserveCapacity(pieceBytes + (256 << 10))
    }

    deinit {
        workers.close()
    }

    /// The next bytes of the document.
    func write(_ chunk: UnsafeRawBufferPointer) {
        guard isSplitting else { return parser.feed(chunk) }
        pending.append(contentsOf: chunk)
        while isSplitting,
              let cut = pending.withUnsafeBytes({ scanner.nextRecordStart(in: $0, notBefore: pieceBytes) }) {
            // The piece keeps the buffer; what follows the cut (less than a chunk) starts the next one.
            var piece = Array(pending[cut...])
            piece.reserveCapacity(pieceBytes + (256 << 10))
            swap(&piece, &pending)
            piece.removeSubrange(cut...)
            scanner.dropFirst(cut)
            inFlight.append(workers.submit(piece))
            while handOnFirst(waiting: inFlight.count > maxInFlight) {}
        }
    }

    /// The document is complete: every piece is handed on, and the last stretch goes to the main parser.
    func finish() {
        while handOnFirst(waiting: true) {}
        stopSplitting()
    }

    /// Hands on the first piece in flight, if parsed (or once parsed, when `waiting`); false when there was none.
    private func handOnFirst(waiting: Bool) -> Bool {
        guard isSplitting, let first = inFlight.first, let outcome = workers.outcome(of: first, waiting: waiting)
        else { return false }
        guard outcome.isClean else {
            stopSplitting()
            return false
        }
        inFlight.removeFirst()
        builder.absorb(outcome)
        parser.skipLines(outcome.lineCount)
        piecesHandedOn += 1
        return true
    }

    /// Ends the split: the pieces not handed on, then the bytes not cut, go to the main parser, in order.
    private func stopSplitting() {
        guard isSplitting else { return }
        isSplitting = false
        workers.close()
        for job in inFlight {
            job.bytes.withUnsafeBytes { parser.feed($0) }
        }
        inFlight = []
        pending.withUnsafeBytes { parser.feed($0) }
        pending = []
    }
}
