@testable import dmarc_parse
import Testing

/// `iso8601`'s own calendar against the C library's, over the years it covers and at their edges.
@Suite("Time formatting")
struct TimeFormattingTests {
    @Test("1970 to 9999: the same text as gmtime_r, leap days and year ends included")
    func matchesGmtime() {
        var seconds: [Int64] = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            seconds.append(Int64(state >> 1) % 253_402_300_800)
        }
        for year in stride(from: Int64(0), to: 253_402_300_800, by: 31_556_952) {
            seconds += [year - 1, year, year + 1].filter { $0 >= 0 && $0 < 253_402_300_800 }
        }
        for value in seconds {
            #expect(iso8601(value) == iso8601UsingGmtime(value), "\(value)")
        }
    }

    @Test("outside 1970 to 9999: gmtime_r's text")
    func outsideTheRange() {
        for value: Int64 in [-1, -86_400, 253_402_300_800, 300_000_000_000] {
            #expect(iso8601(value) == iso8601UsingGmtime(value))
        }
        #expect(iso8601(-1) == "1969-12-31T23:59:59Z")
    }
}
