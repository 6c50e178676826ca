/// A DNS message as it comes from a server (RFC 1035 section 4.1): the header, the question, and the records of the
/// answer and authority sections. The additional section is not read: nothing we use is there.
///
/// Parsing never trusts the bytes: every length is checked against the message, a compression pointer must point
/// back, before the name that holds it, so it cannot loop, and a name stops at 1,024 bytes (a wire name has at most
/// 255; a longer one is read so that the warning can say how long it was).
public struct DNSMessage: Sendable {
    public var id: UInt16
    /// QR, opcode, AA, TC, RD, RA, Z and RCODE, as on the wire.
    public var flags: UInt16
    public var questions: [DNSQuestion]
    public var answers: [DNSRecord]
    public var authorities: [DNSRecord]

    /// The response code: 0 no error, 2 server failure, 3 no such name (NXDOMAIN), ...
    public var responseCode: Int { Int(flags & 0xF) }

    /// Reads a whole message.
    public init(parsing bytes: [UInt8]) throws(DNSMessageError) {
        var reader = DNSMessageReader(bytes)
        id = try reader.uint16("the header")
        flags = try reader.uint16("the header")
        let questionCount = try reader.uint16("the header")
        let answerCount = try reader.uint16("the header")
        let authorityCount = try reader.uint16("the header")
        _ = try reader.uint16("the header")
        questions = []
        for _ in 0..<questionCount {
            let name = try reader.name("a question")
            questions.append(DNSQuestion(name: name, type: try reader.uint16("a question"),
                                         recordClass: try reader.uint16("a question")))
        }
        answers = []
        for _ in 0..<answerCount { answers.append(try reader.record("an answer")) }
        authorities = []
        for _ in 0..<authorityCount { authorities.append(try reader.record("an authority record")) }
    }

    /// A query with recursion desired, one question of class IN: what we send.
    public static func query(id: UInt16, name: DNSName, type: DNSRecordType) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xFF), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
        for label in name.labels {
            bytes.append(UInt8(label.count))
            bytes += label
        }
        bytes += [0, UInt8(type.rawValue >> 8), UInt8(type.rawValue & 0xFF), 0, 1]
        return bytes
    }

    /// The records of the answer section of a type for a name, following CNAME records from the name (RFC 2317
    /// delegates reverse zones that way); with the smallest TTL of the chain and of those records.
    public func answers(of type: DNSRecordType, for name: DNSName) -> (records: [DNSRecord], ttl: UInt32?) {
        var owner = name, ttl: UInt32?
        var seen: Set<DNSName> = [name]
        while let alias = answers.first(where: { $0.type == DNSRecordType.cname.rawValue && $0.name == owner }),
              case .name(let target) = alias.data, seen.insert(target).inserted {
            ttl = min(ttl ?? .max, alias.ttl)
            owner = target
        }
        let records = answers.filter { $0.type == type.rawValue && $0.name == owner }
        guard let least = records.map(\.ttl).min() else { return ([], nil) }
        return (records, min(ttl ?? .max, least))
    }

    /// How long a "no such name" or "no such record" answer may be kept (RFC 2308 section 5): the SOA record's TTL
    /// or its MINIMUM field, whichever is less; nil when the answer has no SOA, and must not be kept.
    public var negativeTTL: UInt32? {
        authorities.compactMap { record -> UInt32? in
            guard case .soa(let minimum) = record.data else { return nil }
            return min(record.ttl, minimum)
        }.min()
    }
}

/// One question of a message.
public struct DNSQuestion: Sendable, Hashable {
    public var name: DNSName
    public var type: UInt16
    public var recordClass: UInt16
}

/// The record types we ask for or follow.
public enum DNSRecordType: UInt16, Sendable {
    case a = 1, cname = 5, soa = 6, ptr = 12, aaaa = 28
}

/// One resource record; its data read for the types we use.
public struct DNSRecord: Sendable {
    public var name: DNSName
    public var type: UInt16
    public var recordClass: UInt16
    public var ttl: UInt32
    public var data: DNSRecordData
}

/// The data of a record.
public enum DNSRecordData: Sendable {
    /// PTR and CNAME: a name.
    case name(DNSName)
    /// A and AAAA.
    case address(IPAddress)
    /// SOA: the MINIMUM field, the TTL of negative answers.
    case soa(minimum: UInt32)
    /// Any other type, not read.
    case other
}

/// What is wrong with a message, as a warning names it.
public struct DNSMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte offset where reading stopped.
    public var offset: Int
    public var problem: String

    public var description: String { "\(problem) at byte \(offset)" }
}
