@testable import DMARC
import Testing

/// Our reader of DNS answers (`Enrichment/DNSMessage.swift`, `DNSMessageReader.swift`), host names (`HostName.swift`)
/// and names in master-file form (`DNSName.swift`): answers come from outside, so every broken one is an error
/// that says what and where.
@Suite("DNS messages, names and host names")
struct DNSMessageTests {
    /// The header of an answer to query 7 with one question and `answers` answer records.
    private func header(answers: UInt8, authority: UInt8 = 0, rcode: UInt8 = 0) -> [UInt8] {
        [0, 7, 0x81, 0x80 | rcode, 0, 1, 0, answers, 0, authority, 0, 0]
    }

    private let question: [UInt8] = [1, 55, 1, 50, 1, 48, 3, 49, 57, 50, 7] + Array("in-addr".utf8) + [4] + Array("arpa".utf8)
        + [0, 0, 12, 0, 1]

    private func ptr(_ name: [UInt8], ttl: UInt8 = 60) -> [UInt8] {
        [0xC0, 12, 0, 12, 0, 1, 0, 0, 0, ttl, UInt8(name.count >> 8), UInt8(name.count & 0xFF)] + name
    }

    private func wire(_ text: String) -> [UInt8] {
        text.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
    }

    @Test func readsAPointerAnswer() throws {
        let message = try DNSMessage(parsing: header(answers: 1) + question + ptr(wire("mail.example.com")))
        #expect(message.id == 7)
        #expect(message.questions.first?.name == DNSName("7.2.0.192.in-addr.arpa"))
        let (records, ttl) = message.answers(of: .ptr, for: DNSName(reverseOf: IPAddress("192.0.2.7")!))
        #expect(ttl == 60)
        guard case .name(let name) = records.first?.data else { Issue.record("no PTR"); return }
        #expect(name == DNSName("MAIL.example.com"))
        #expect(HostName.problem(with: name) == nil)
    }

    @Test func followsACNAMEChain() throws {
        // RFC 2317: 7.2.0.192.in-addr.arpa CNAME 7.0/25.2.0.192.in-addr.arpa, which has the PTR.
        let target = wire("7.0/25.2.0.192.in-addr.arpa")
        let cname: [UInt8] = [0xC0, 12, 0, 5, 0, 1, 0, 0, 0, 30, 0, UInt8(target.count)] + target
        let targetOffset = 12 + question.count + 12
        let pointer: [UInt8] = [0xC0, UInt8(targetOffset), 0, 12, 0, 1, 0, 0, 0, 90, 0, 6] + wire("host")
        let message = try DNSMessage(parsing: header(answers: 2) + question + cname + pointer)
        let (records, ttl) = message.answers(of: .ptr, for: DNSName("7.2.0.192.in-addr.arpa"))
        #expect(records.count == 1)
        #expect(ttl == 30)
    }

    @Test func negativeTTLComesFromTheSOA() throws {
        let soa: [UInt8] = [0xC0, 12, 0, 6, 0, 1, 0, 0, 0x0E, 0x10, 0, 22] + [0, 0] + [0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
                                                                                  0, 0, 0, 4, 0, 0, 1, 44]
        let message = try DNSMessage(parsing: header(answers: 0, authority: 1, rcode: 3) + question + soa)
        #expect(message.responseCode == 3)
        #expect(message.negativeTTL == 300)
    }

    @Test(arguments: [
        ([0xC0, 12, 0, 12, 0, 1, 0, 0, 0, 60, 0, 2, 0xC0, 0x40], "a compression pointer in the data of an answer does not point back at byte 52"),
        ([0xC0, 12, 0, 12, 0, 1, 0, 0, 0, 60, 0, 4, 0x80, 97, 98, 99], "a name in the data of an answer has a label of unknown type 0x80 at byte 52"),
        ([0xC0, 12, 0, 12, 0, 1, 0, 0, 0, 60, 0, 100, 3, 97], "the data of an answer runs past the end at byte 52"),
        ([0xC0, 12, 0, 12], "an answer is cut short at byte 44"),
        ([0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 3, 1, 2, 3], "an address in an answer has 3 bytes, not 4 at byte 52"),
        ([0xC0, 12, 0, 12, 0, 1, 0, 0, 0, 60, 0, 4, 1, 97, 0, 0], "the data of an answer is 4 bytes but holds 3 at byte 52"),
    ] as [([UInt8], String)])
    func brokenAnswersSayWhat(answer: [UInt8], expected: String) {
        #expect(throws: DNSMessageError.self) { try DNSMessage(parsing: header(answers: 1) + question + answer) }
        do {
            _ = try DNSMessage(parsing: header(answers: 1) + question + answer)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func aPointerLoopEnds() {
        // A pointer to itself, and two pointing at each other.
        let loop: [UInt8] = [0, 7, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 12, 0, 1]
        #expect(throws: DNSMessageError.self) { try DNSMessage(parsing: loop) }
    }

    @Test func aLongNameIsReadForTheWarning() throws {
        let long = [UInt8](repeating: 97, count: 63)
        let name: [UInt8] = (0..<5).flatMap { _ -> [UInt8] in [63] + long } + [0]
        let message = try DNSMessage(parsing: header(answers: 1) + question + ptr(name))
        guard case .name(let read) = message.answers.first?.data else { Issue.record("no PTR"); return }
        #expect(read.textLength == 319)
        #expect(HostName.problem(with: read) == "the name is 319 bytes long (more than 253)")
    }

    @Test(arguments: [
        ("mail-1.example.com", nil),
        ("bad_name.example.com", "it holds '_', not only letters, digits and hyphens"),
        ("-x.example.com", "a label begins or ends with a hyphen"),
        ("a\\032b.example.com", "it holds the byte \\032, not only letters, digits and hyphens"),
        ("a\\.b.example.com", "it holds '.', not only letters, digits and hyphens"),
        (String(repeating: "x", count: 64) + ".example.com", "a label is 64 bytes long (more than 63)"),
        (".", "the name is empty (the root)"),
    ] as [(String, String?)])
    func hostNames(text: String, problem: String?) throws {
        let name = try #require(DNSName(presentation: text))
        #expect(HostName.problem(with: name) == problem)
    }

    @Test func presentationRoundTrips() throws {
        let name = DNSName(labels: [Array("a.b".utf8), [0, 9, 10, 92, 255], Array("Com".utf8)])
        #expect(name.description == "a\\.b.\\000\\009\\010\\\\\\255.Com")
        #expect(DNSName(presentation: name.description) == name)
        #expect(DNSName(presentation: "bad\\") == nil)
    }

    @Test func reverseNames() {
        #expect(DNSName(reverseOf: IPAddress("192.0.2.7")!).description == "7.2.0.192.in-addr.arpa")
        #expect(DNSName(reverseOf: IPAddress("2001:db8::5")!).description
                == "5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")
    }

    @Test func queriesAreWellFormed() throws {
        let query = DNSMessage.query(id: 258, name: DNSName("example.com"), type: .aaaa)
        #expect(query == [1, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7] + Array("example".utf8) + [3] + Array("com".utf8)
                + [0, 0, 28, 0, 1])
        let parsed = try DNSMessage(parsing: query)
        #expect(parsed.questions == [DNSQuestion(name: DNSName("example.com"), type: 28, recordClass: 1)])
    }

    @Test(arguments: [
        ("192.0.2.1", "192.0.2.1:53"), ("192.0.2.1:5353", "192.0.2.1:5353"), ("2001:db8::1", "[2001:db8::1]:53"),
        ("[2001:db8::1]:5353", "[2001:db8::1]:5353"), ("[::1]", "[::1]:53"),
    ])
    func serverAddresses(text: String, parsed: String) {
        #expect(DNSServerAddress(text)?.description == parsed)
    }

    @Test(arguments: ["dns.example.com", "192.0.2.1:0", "192.0.2.1:70000", "[192.0.2.1]:53", "2001:db8::1]:53", ""])
    func notServerAddresses(text: String) {
        #expect(DNSServerAddress(text) == nil)
    }
}
