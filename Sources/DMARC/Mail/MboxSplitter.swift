import Foundation

/// An mbox (RFC 4155): messages one after another, each opened by a `From ` postmark line; body lines that began
/// with `From ` are written `>From ` (and `>From ` as `>>From `, mboxrd), and read back without the added `>`.
///
/// Read as a stream, one message at a time, so that memory grows with the largest message, never with the mbox.
/// Each message is read as if it were a file of its own (with its own decompression budget) and named
/// `message <n>` in origins; a message that cannot be read is reported and the next one still counts.
final class MboxSplitter: ByteSink {
    private let context: ReadingContext
    private let origin: ReportOrigin
    private let nesting: Int
    private var message: MailMessageSink?
    private var messageNumber = 0
    /// The start of a line whose end has not arrived yet.
    private var partialLine: [UInt8] = []
    /// The start of the current line was longer than any postmark and went to the message; so does the rest of it.
    private var isInsideLongLine = false
    private var previousLineWasBlank = true
    /// A blank line is held back until the next line shows whether it ends a message (then it belongs to the mbox).
    private var heldBlankLine: [UInt8]?
    /// Longer lines are passed on in pieces, so that a line without end cannot fill memory.
    private static let longLine = 64 << 10

    init(context: ReadingContext, origin: ReportOrigin, nesting: Int) {
        self.context = context
        self.origin = origin
        self.nesting = nesting
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(DMARCError) {
        var start = 0
        while start < chunk.count {
            let rest = chunk.baseAddress! + start
            guard let newline = memchr(rest, Int32(UInt8(ascii: "\n")), chunk.count - start) else {
                keepPartialLine(UnsafeRawBufferPointer(start: rest, count: chunk.count - start))
                return
            }
            let end = UnsafeRawPointer(newline) - chunk.baseAddress! + 1
            let line = UnsafeRawBufferPointer(start: rest, count: end - start)
            if isInsideLongLine {
                deliver(line)
                isInsideLongLine = false
            } else if partialLine.isEmpty {
                handle(line, isComplete: true)
            } else {
                partialLine.append(contentsOf: line)
                partialLine.withUnsafeBytes { handle($0, isComplete: true) }
                partialLine.removeAll(keepingCapacity: true)
            }
            start = end
        }
    }

    func finish() throws(DMARCError) {
        if !partialLine.isEmpty {
            partialLine.withUnsafeBytes { handle($0, isComplete: true) }
            partialLine = []
        }
        finishMessage()
    }

    private func keepPartialLine(_ bytes: UnsafeRawBufferPointer) {
        if isInsideLongLine {
            deliver(bytes)
            return
        }
        partialLine.append(contentsOf: bytes)
        if partialLine.count > Self.longLine {
            partialLine.withUnsafeBytes { handle($0, isComplete: false) }
            partialLine = []
            isInsideLongLine = true
        }
    }

    /// A line, or the start of a long one (which is never blank nor a postmark).
    private func handle(_ line: UnsafeRawBufferPointer, isComplete: Bool) {
        if isComplete && Self.isPostmark(line, afterBlankLine: previousLineWasBlank) {
            heldBlankLine = nil
            finishMessage()
            startMessage()
            previousLineWasBlank = false
            return
        }
        if let held = heldBlankLine {
            heldBlankLine = nil
            held.withUnsafeBytes { deliver($0) }
        }
        let isBlank = isComplete && line.count <= 2 && line.allSatisfy { $0 == 0x0D || $0 == 0x0A }
        previousLineWasBlank = isBlank
        if isBlank {
            heldBlankLine = Array(line)
        } else if Self.isEscapedFromLine(line) {
            deliver(UnsafeRawBufferPointer(rebasing: line.dropFirst()))
        } else {
            deliver(line)
        }
    }

    /// A `From ` line after a blank line (RFC 4155) or at the start; or one that looks like a postmark all the
    /// same (`From sender Thu Jan  1 00:00:00 2025`, with a time), for writers that leave out the blank line.
    static func isPostmark(_ line: UnsafeRawBufferPointer, afterBlankLine: Bool) -> Bool {
        guard line.starts(with: "From ".utf8) else { return false }
        if afterBlankLine { return true }
        let text = line.prefix(200)
        return text.indices.dropLast(4).contains { index in
            text[index] == UInt8(ascii: ":") && text[index + 3] == UInt8(ascii: ":")
                && [index - 2, index - 1, index + 1, index + 2, index + 4].allSatisfy { index in
                    index >= 0 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index])
                }
        }
    }

    /// `>From `, `>>From `...: a body line the mbox writer escaped.
    private static func isEscapedFromLine(_ line: UnsafeRawBufferPointer) -> Bool {
        guard line.first == UInt8(ascii: ">") else { return false }
        let unquoted = line.drop(while: { $0 == UInt8(ascii: ">") })
        return unquoted.starts(with: "From ".utf8)
    }

    private func deliver(_ bytes: UnsafeRawBufferPointer) {
        guard let message else { return }
        do throws(DMARCError) {
            try message.write(bytes)
        } catch {
            context.stream.fail(error)
            self.message = nil  // the rest of it is skipped
        }
    }

    private func startMessage() {
        messageNumber += 1
        let name = "message \(messageNumber)"
        // A fresh budget per message, as for the files of a Maildir folder: a large mbox is no compression bomb.
        message = context.messageStage(origin: origin.appending(name), nesting: nesting, label: name,
                                       warningOrigin: origin)
    }

    private func finishMessage() {
        guard let finished = message else { return }
        message = nil
        do throws(DMARCError) {
            try finished.finish()
        } catch {
            context.stream.fail(error)
        }
    }
}
