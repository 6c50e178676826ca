/// How the first bytes of a stream tell saved mail.
extension ContentKind {
    /// An mbox starts with its first message's `From ` postmark line.
    static func startsLikeMbox(_ head: [UInt8]) -> Bool {
        head.starts(with: "From ".utf8)
    }

    /// An RFC 5322 message starts with header fields: its first line is a field (`Received:`, `Return-Path:`,
    /// `X-...:`), and every other complete line up to the blank line that ends the header is a field or the
    /// continuation of one. XML (`<`), JSON (`{`) and binary data never pass.
    static func startsLikeMailMessage(_ head: [UInt8]) -> Bool {
        let bytes = head[...]
        var start = bytes.startIndex
        var lines = 0
        while start < bytes.endIndex {
            let (contentEnd, next) = bytes.line(at: start)
            let line = bytes[start..<contentEnd]
            guard next > contentEnd else {
                // The line goes on past what was seen: only a long first line is judged, by its field name.
                return lines > 0 || line.count >= 512 && MIMEEntity.fieldNameEnd(in: line) != nil
            }
            if line.isEmpty { return lines > 0 }
            if lines == 0 || !line.first!.isLineWhitespace {
                guard MIMEEntity.fieldNameEnd(in: line) != nil else { return false }
            }
            lines += 1
            start = next
        }
        return lines > 0
    }
}
