@testable import dmarc_parse
import Testing

@Suite("Percentages")
struct PercentageTests {
    @Test func neverRoundsAFailureAwayNorAPassToNothing() {
        #expect(Percentage.of(4920, 4922) == 99.9)  // 99.96 would print as 100.0
        #expect(Percentage.of(1, 10_000) == 0.1)    // 0.01 would print as 0.0
        #expect(Percentage.of(4922, 4922) == 100)
        #expect(Percentage.of(0, 4922) == 0)
        #expect(Percentage.of(0, 0) == 0)
        #expect(Percentage.of(3, 4) == 75)
        #expect(formatDecimal(Percentage.of(999, 1000), digits: 1) == "99.9")
    }
}
