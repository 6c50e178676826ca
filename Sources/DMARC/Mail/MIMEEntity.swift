/// One MIME entity (RFC 2045): a whole message or one of its parts, as header fields and a body. The body is a
/// slice of the message's bytes, so parts cost no copies.
struct MIMEEntity {
    /// Header fields in order, as they are in the message: a value still folded (RFC 5322 §2.2.3). Only the few
    /// that are read become text.
    private let fields: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)]
    let body: ArraySlice<UInt8>
    /// `Content-Type`; `text/plain` when absent (RFC 2045 §5.2).
    let contentType: MIMEHeaderValue

    /// Reads the header fields up to the blank line that ends them; the rest is the body. A line that is neither
    /// a field nor the continuation of one also ends the header (lenient, as mail readers are).
    init(parsing bytes: ArraySlice<UInt8>) {
        var fields: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let (contentEnd, next) = bytes.line(at: start)
            let line = bytes[start..<contentEnd]
            if line.isEmpty {
                start = next
                break
            }
            if line.first!.isLineWhitespace, let last = fields.last {
                fields[fields.count - 1].value = bytes[last.value.startIndex..<contentEnd]
            } else if let colon = Self.fieldNameEnd(in: line) {
                fields.append((line[..<colon], line[(colon + 1)...]))
            } else {
                break
            }
            start = next
        }
        self.fields = fields
        body = bytes[start...]
        contentType = MIMEHeaderValue(parsing: Self.value(of: "content-type", in: fields) ?? "text/plain")
    }

    /// The index of the colon when `line` starts with a field name: RFC 5322 `ftext` (printable ASCII but `:`),
    /// beginning with a letter as every real one does, then optional blanks (obsolete syntax, RFC 5322 §4.5).
    static func fieldNameEnd(in line: ArraySlice<UInt8>) -> Int? {
        guard let first = line.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first & 0xDF) else {
            return nil
        }
        var index = line.startIndex
        while index < line.endIndex, (33...126).contains(line[index]), line[index] != UInt8(ascii: ":") {
            index += 1
        }
        while index < line.endIndex, line[index].isLineWhitespace { index += 1 }
        return index < line.endIndex && line[index] == UInt8(ascii: ":") ? index : nil
    }

    /// The first field named `name` (lowercase), unfolded: UTF-8 (RFC 6532), trimmed, invalid bytes replaced.
    func field(_ name: String) -> String? {
        Self.value(of: name, in: fields)
    }

    private static func value(of name: String, in fields: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)])
        -> String? {
        let wanted = Array(name.utf8)
        guard let field = fields.first(where: { field in
            // The name may end in blanks (obsolete syntax); letters compare without case.
            let written = field.name.prefix(while: { !$0.isLineWhitespace })
            return written.count == wanted.count && zip(written, wanted).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }) else { return nil }
        let unfolded = field.value.filter { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        return String(decoding: unfolded, as: UTF8.self).trimmingReportWhitespace()
    }

    var transferEncoding: TransferEncoding {
        TransferEncoding(headerValue: field("content-transfer-encoding"))
    }

    /// The file name the sender gave: `Content-Disposition` `filename`, else `Content-Type` `name`; printable.
    var fileName: String? {
        let disposition = field("content-disposition").map(MIMEHeaderValue.init(parsing:))
        guard let name = disposition?.text("filename") ?? contentType.text("name") else { return nil }
        let printable = HeaderText.printable(name)
        return printable.isEmpty ? nil : printable
    }

    /// The parts of a `multipart/*` body (RFC 2046 §5.1.1), or nil when this is no multipart. A part that is not
    /// closed (a truncated message) runs to the end of the body; the preamble and epilogue are dropped.
    func parts() -> [MIMEEntity]? {
        guard contentType.value.hasPrefix("multipart/") else { return nil }
        guard let boundary = contentType[parameter: "boundary"], !boundary.isEmpty else { return [] }
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [MIMEEntity] = []
        var partStart: Int?
        var searchFrom = body.startIndex
        while let found = nextDelimiterLine(delimiter, from: searchFrom) {
            if let partStart {
                // The line break before a delimiter belongs to the delimiter.
                var end = found.start
                if end > partStart && body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                if end > partStart && body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                parts.append(MIMEEntity(parsing: body[partStart..<max(end, partStart)]))
            }
            if found.isClose { return parts }
            partStart = found.next
            searchFrom = found.next
        }
        if let partStart, partStart < body.endIndex {
            parts.append(MIMEEntity(parsing: body[partStart...]))
        }
        return parts
    }

    /// The next line that is `--boundary` or `--boundary--`, with nothing after it but blanks.
    private func nextDelimiterLine(_ delimiter: [UInt8], from start: Int)
        -> (start: Int, next: Int, isClose: Bool)? {
        let delimiterAfterLineBreak = [UInt8(ascii: "\n")] + delimiter
        var candidate = start
        while candidate < body.endIndex {
            let found: Int
            if candidate == body.startIndex && body.starts(with: delimiter) {
                found = candidate
            } else if let match = body.firstIndex(of: delimiterAfterLineBreak,
                                                  from: max(candidate - 1, body.startIndex)) {
                found = match + 1
            } else {
                return nil
            }
            let (contentEnd, next) = body.line(at: found)
            var rest = body[min(found + delimiter.count, contentEnd)..<contentEnd]
            let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
            if isClose { rest = rest.dropFirst(2) }
            if rest.allSatisfy(\.isLineWhitespace) { return (found, next, isClose) }
            candidate = found + 1  // a longer boundary that starts like this one
        }
        return nil
    }
}
