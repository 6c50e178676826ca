/// Decides what a stream of bytes is from its first bytes, never from its name, and hands them to the stage its
/// `ReadingContext` picks for that kind of content.
final class ContentSniffer: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let nesting: Int
    private var head: [UInt8] = []
    private var chosen: (any ByteSink)?

    /// How many bytes to look at before deciding.
    private static let headLength = 512

    init(context: ReadingContext, origin: ReportOrigin, nesting: Int = 0) {
        self.context = context
        self.origin = origin
        self.nesting = nesting
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        if let chosen {
            try chosen.write(chunk)
            return
        }
        head.append(contentsOf: chunk)
        guard head.count >= Self.headLength else { return }
        if ContentKind(sniffing: head) == .empty {
            // Only blank lines so far (a padded attachment, line by line): they say nothing, so wait for more.
            head.removeAll(keepingCapacity: true)
            return
        }
        try choose()
    }

    func cancel() {
        chosen?.cancel()
    }

    func finish() throws(DMARCError) {
        if chosen == nil {
            try choose()
        }
        try chosen!.finish()
    }

    private func choose() throws(DMARCError) {
        let kind = ContentKind(sniffing: head)
        let sink = try context.stage(for: kind, head: head, origin: origin, nesting: nesting)
        if kind == .xml && head.first != 0xFF && head.first != 0xFE, let start = head.firstIndex(of: UInt8(ascii: "<")) {
            // libxml2 refuses an XML declaration after a byte order mark and blank lines; drop them.
            head.removeFirst(start)
        }
        chosen = sink
        let buffered = head
        head = []
        try sink.write(contentsOf: buffered)
    }

    /// The first bytes, printable, for an error message.
    static func preview(_ bytes: [UInt8]) -> String {
        let shown = bytes.prefix(12).map { byte in
            (0x20..<0x7F).contains(byte) && byte != 0x5C ? String(UnicodeScalar(byte)) : "\\x" + hex(byte)
        }
        return "\"" + shown.joined() + "\""
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
