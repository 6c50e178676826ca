/// What the first bytes of a stream say it is.
enum ContentKind: Equatable {
    case empty, gzip, zip, xml, mailMessage, mbox, unrecognised

    init(sniffing head: [UInt8]) {
        if head.starts(with: [0x1F, 0x8B]) {
            self = .gzip
        } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            self = .xml  // UTF-16 with a byte order mark; libxml2 converts it
        } else {
            var rest = head[...]
            if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
            let first = rest.first(where: { !$0.isXMLWhitespace })
            switch first {
            case nil: self = .empty
            case UInt8(ascii: "<"): self = .xml
            default:
                if Self.startsLikeMbox(head) {
                    self = .mbox
                } else if Self.startsLikeMailMessage(head) {
                    self = .mailMessage
                } else {
                    self = .unrecognised
                }
            }
        }
    }
}
