/// A cursor over the bytes of a DNS message: reads integers, names (with compression) and records, and throws on
/// anything that runs past the end or breaks the rules of RFC 1035 section 4.1.4.
struct DNSMessageReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    /// Longer names than this are not read further: 255 is the most a valid one has.
    static let maximumNameLength = 1024

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func uint8(_ part: String) throws(DNSMessageError) -> UInt8 {
        guard offset < bytes.count else { throw DNSMessageError(offset: offset, problem: "\(part) is cut short") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16(_ part: String) throws(DNSMessageError) -> UInt16 {
        UInt16(try uint8(part)) << 8 | UInt16(try uint8(part))
    }

    mutating func uint32(_ part: String) throws(DNSMessageError) -> UInt32 {
        UInt32(try uint16(part)) << 16 | UInt32(try uint16(part))
    }

    /// A name at the cursor; the cursor moves past its first pointer or its end.
    mutating func name(_ part: String) throws(DNSMessageError) -> DNSName {
        var labels: [[UInt8]] = []
        var position = offset, length = 0
        var resumeAt: Int?
        // Each pointer must point before the name part that holds it, so positions strictly fall: no loop.
        var lowestStart = position
        while true {
            guard position < bytes.count else {
                throw DNSMessageError(offset: position, problem: "a name in \(part) is cut short")
            }
            let size = Int(bytes[position])
            switch size & 0xC0 {
            case 0:
                if size == 0 {
                    offset = resumeAt ?? position + 1
                    return DNSName(labels: labels)
                }
                guard position + 1 + size <= bytes.count else {
                    throw DNSMessageError(offset: position, problem: "a label in \(part) runs past the end")
                }
                labels.append(Array(bytes[position + 1 ..< position + 1 + size]))
                length += size + 1
                guard length <= Self.maximumNameLength else {
                    throw DNSMessageError(offset: position, problem: "a name in \(part) is longer than \(Self.maximumNameLength) bytes")
                }
                position += 1 + size
            case 0xC0:
                guard position + 1 < bytes.count else {
                    throw DNSMessageError(offset: position, problem: "a name in \(part) is cut short")
                }
                let target = (size & 0x3F) << 8 | Int(bytes[position + 1])
                guard target < lowestStart else {
                    throw DNSMessageError(offset: position, problem: "a compression pointer in \(part) does not point back")
                }
                if resumeAt == nil { resumeAt = position + 2 }
                lowestStart = target
                position = target
            default:
                throw DNSMessageError(offset: position, problem: "a name in \(part) has a label of unknown type 0x\(String(size, radix: 16))")
            }
        }
    }

    /// A resource record; PTR, CNAME, A, AAAA and SOA data must fill their RDATA exactly.
    mutating func record(_ part: String) throws(DNSMessageError) -> DNSRecord {
        let name = try name(part)
        let type = try uint16(part), recordClass = try uint16(part), ttl = try uint32(part)
        let dataLength = Int(try uint16(part))
        let start = offset, end = offset + dataLength
        guard end <= bytes.count else {
            throw DNSMessageError(offset: start, problem: "the data of \(part) runs past the end")
        }
        let data: DNSRecordData
        switch DNSRecordType(rawValue: type) {
        case .ptr, .cname:
            data = .name(try self.name("the data of \(part)"))
        case .a, .aaaa:
            let width = type == DNSRecordType.a.rawValue ? 4 : 16
            guard dataLength == width else {
                throw DNSMessageError(offset: start, problem: "an address in \(part) has \(dataLength) bytes, not \(width)")
            }
            data = .address(IPAddress(bytes: Array(bytes[start..<end]))!)
            offset = end
        case .soa:
            _ = try self.name("the SOA in \(part)")
            _ = try self.name("the SOA in \(part)")
            for _ in 0..<4 { _ = try uint32("the SOA in \(part)") }
            data = .soa(minimum: try uint32("the SOA in \(part)"))
        case nil:
            data = .other
            offset = end
        }
        guard offset == end else {
            throw DNSMessageError(offset: start, problem: "the data of \(part) is \(dataLength) bytes but holds \(offset - start)")
        }
        // TTLs with the top bit set are read as 0 (RFC 2181 section 8).
        return DNSRecord(name: name, type: type, recordClass: recordClass, ttl: ttl > Int32.max ? 0 : ttl, data: data)
    }
}
