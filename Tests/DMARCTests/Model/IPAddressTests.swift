import DMARC
import Testing

/// Source addresses in canonical form (RFC 5952 for IPv6); text that is no address kept as written
/// (`Model/IPAddress.swift`, `Model/SourceIP.swift`).
@Suite("IP addresses: canonical text, masked values kept")
struct IPAddressTests {
    /// The fixture's one source that is no address, as the reader warns of it.
    static let unaddressedWarning = "1 record with a <source_ip> that is no IP address (first \"xxx.xxx.xxx.xxx\"): "
        + "counted under the text as written"

    @Test func fixture() throws {
        let report = try Fixture.report("quirks/source-ip-forms.xml", warnings: [Self.unaddressedWarning])
        #expect(report.records.map(\.sourceIP.text) == [
            "2001:db8::5", "2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1", "::ffff:192.0.2.7", "192.0.2.1",
            "xxx.xxx.xxx.xxx", "192.0.2.1",
        ])
        #expect(report.records.map { $0.sourceIP.address != nil } == [true, true, true, true, true, false, true])
        #expect(report.messagesBySourceIP == [
            "2001:db8::5": 1, "2001:db8::1:0:0:1": 2, "2001:db8:0:1:1:1:1:1": 3, "::ffff:192.0.2.7": 4,
            "192.0.2.1": 12, "xxx.xxx.xxx.xxx": 6,
        ])
    }

    @Test(arguments: [
        ("2001:DB8:0:0:0:0:0:5", "2001:db8::5"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),  // the first of two equal runs
        ("2001:db8:0:0:0:1:0:0", "2001:db8::1:0:0"),
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),  // one zero group is not shortened
        ("2001:db8::", "2001:db8::"),
        ("::", "::"),
        ("::1", "::1"),
        ("fe80::1:2", "fe80::1:2"),
        ("::ffff:c000:0207", "::ffff:192.0.2.7"),
        ("::FFFF:192.0.2.7", "::ffff:192.0.2.7"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("192.0.2.1", "192.0.2.1"),
        ("0.0.0.0", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("0:0:0:0:0:0:0:0", "::"),
        ("2001:db8::0:1", "2001:db8::1"),
        ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),  // the longer run, not the first
        ("2001:db8:0:0:0:0:2:1", "2001:db8::2:1"),
        ("::ffff:0:0", "::ffff:0.0.0.0"),
    ])
    func canonicalText(_ text: String, _ canonical: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == canonical)
        #expect(IPAddress(canonical) == address)
    }

    @Test(arguments: [
        "", "xxx.xxx.xxx.xxx", "192.0.2", "192.0.2.1.5", "192.0.2.256", "192.0.2.-1",
        "2001:db8::1::2", "2001:db8:1:2:3:4:5:6:7", "2001:db8:12345::1", ":1", "1:", "2001:db8:g::1",
        "203.0.113.0/24", "2001:db8::1%eth0", "1:2:3:4:5:6:7:8::", "1::2:3:4:5:6:7:8",
        "::ffff:192.0.2.1.5", "::192.0.2", "1:2:3:4:5:6:7:8:9", ":::", "2001:db8:::1", "[2001:db8::1", "[]",
        "192.0.2.1:", "192.0.2.1:123456", "192.0.2.1:2x", "[192.0.2.1]x", "0192.0.2.1",
    ])
    func notAnAddress(_ text: String) {
        #expect(IPAddress(text) == nil)
        #expect(SourceIP(reportText: text).address == nil)
        #expect(SourceIP(reportText: text).text == text)
    }

    /// A report's source may be written in brackets, with a port, or zero-padded: the address (strict `IPAddress`
    /// refuses these forms, `SourceIP` reads them).
    @Test(arguments: [
        ("192.0.2.010", "192.0.2.10"), ("01.2.3.4", "1.2.3.4"), ("[2001:db8::1]", "2001:db8::1"),
        ("[2001:DB8::1]:587", "2001:db8::1"), ("192.0.2.1:25", "192.0.2.1"), ("[192.0.2.1]:25", "192.0.2.1"),
        ("192.000.002.001:25", "192.0.2.1"),
    ])
    func reportForms(_ text: String, _ address: String) {
        #expect(IPAddress(text) == nil)
        #expect(SourceIP(reportText: text).text == address)
        #expect(SourceIP(reportText: text) == SourceIP(reportText: address))
    }

    @Test func sourceIPIsTrimmed() {
        #expect(SourceIP(reportText: "\n  192.0.2.1 \t") == SourceIP(reportText: "192.0.2.1"))
        #expect(SourceIP(reportText: " xxx.xxx.xxx.xxx ").text == "xxx.xxx.xxx.xxx")
    }

    @Test func order() {
        let sorted = ["2001:db8::1", "xxx", "192.0.2.10", "192.0.2.9", "::1"].map(SourceIP.init(reportText:)).sorted()
        #expect(sorted.map(\.text) == ["192.0.2.9", "192.0.2.10", "::1", "2001:db8::1", "xxx"])
    }

    @Test func bytes() {
        #expect(IPAddress("192.0.2.1")?.bytes == [192, 0, 2, 1])
        #expect(IPAddress("192.0.2.1")?.isIPv4 == true)
        #expect(IPAddress("::1")?.bytes == Array(repeating: 0, count: 15) + [1])
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }
}
