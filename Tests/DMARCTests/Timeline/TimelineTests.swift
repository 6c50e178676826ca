@testable import DMARC
import Foundation
import Testing

@Suite("Timeline")
struct TimelineTests {
    static let utc = TimeZone(identifier: "UTC")!

    @Test("largest remainder adds up exactly and stays within one of each quota")
    func largestRemainderRule() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let weights = (0..<Int.random(in: 1...9, using: &generator)).map { _ in UInt64.random(in: 1...100_000, using: &generator) }
            let count = UInt64.random(in: 0...1_000_000, using: &generator)
            let parts = LargestRemainder.split(count, weights: weights, tiesFrom: Int.random(in: 0...20, using: &generator))
            #expect(parts.reduce(0, +) == count)
            let total = Double(weights.reduce(0, +))
            for (part, weight) in zip(parts, weights) {
                let quota = Double(count) * Double(weight) / total
                let low = quota.rounded(.down) - 1e-6, high = quota.rounded(.up) + 1e-6
                #expect(Double(part) >= low)
                #expect(Double(part) <= high)
            }
        }
        // Huge counts do not overflow.
        let half = UInt64.max / 2
        #expect(LargestRemainder.split(UInt64.max, weights: [1, 1]) == [half + 1, half])
    }

    @Test("equal remainders go to the earlier part, or round from tiesFrom")
    func ties() {
        #expect(LargestRemainder.split(5, weights: [86_400, 86_400]) == [3, 2])
        #expect(LargestRemainder.split(10, weights: Array(repeating: 1, count: 7)) == [2, 2, 2, 1, 1, 1, 1])
        #expect(LargestRemainder.split(10, weights: Array(repeating: 1, count: 7), tiesFrom: 5) == [2, 1, 1, 1, 1, 2, 2])
        #expect(LargestRemainder.split(7, weights: [0, 0]) == [7, 0])
        #expect(LargestRemainder.split(7, weights: []) == [])
    }

    @Test("ISO weeks start on Monday; week 1 holds the first Thursday")
    func isoWeeks() {
        let weeks = PeriodCalendar(length: .week)
        // 2025-01-01 is a Wednesday: its week starts Monday 2024-12-30 and is 2025-W01.
        #expect(weeks.start(of: 1_735_689_600) == 1_735_516_800)
        #expect(weeks.label(1_735_516_800) == "2025-W01")
        // 2021-01-01 is a Friday: it belongs to 2020-W53.
        #expect(weeks.label(weeks.start(of: 1_609_459_200)) == "2020-W53")
        #expect(weeks.start(after: 1_735_516_800) == 1_735_516_800 + 7 * 86_400)
    }

    @Test("UTC periods worked out from the seconds are Foundation's, 1970 to 9999")
    func civilDatesAgreeWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        // Edges (the epoch, leap days, year ends, the last day) and random times over the range.
        var times: [Int64] = [0, 1, 86_399, 86_400, 259_199, 259_200, 951_782_400, 951_868_799, 951_868_800,
                              1_704_067_199, 1_704_067_200, 1_709_164_800, 4_107_542_400, 253_402_214_400,
                              253_402_300_799]
        times += (0..<3_000).map { _ in Int64.random(in: 0..<253_402_300_800, using: &generator) }
        times += (0..<1_000).map { _ in Int64.random(in: 1_577_836_800..<1_893_456_000, using: &generator) }
        let utc = TimeZone(identifier: "UTC")!
        for length in PeriodLength.allCases {
            let fast = PeriodCalendar(length: length, timeZone: utc)
            let foundation = PeriodCalendar(length: length, timeZone: utc, civilDates: false)
            for time in times {
                let start = fast.start(of: time)
                #expect(start == foundation.start(of: time), "\(length) start of \(time)")
                #expect(fast.start(after: start) == foundation.start(after: start), "\(length) after \(start)")
                #expect(fast.label(start) == foundation.label(start), "\(length) label of \(start)")
            }
        }
    }

    @Test("days follow the zone's daylight saving time")
    func daylightSaving() {
        let days = PeriodCalendar(length: .day, timeZone: TimeZone(identifier: "Europe/Paris")!)
        // 2025-03-30 in Paris lasts 23 hours: from 2025-03-29T23:00Z to 2025-03-30T22:00Z.
        let start = days.start(of: 1_743_336_000)  // 2025-03-30T12:00Z
        #expect(start == 1_743_289_200)
        #expect(days.start(after: start) - start == 23 * 3600)
        #expect(days.label(start) == "2025-03-30")
    }

    @Test("a range ending at :59 covers its last second; one ending at midnight does not reach the next day")
    func rangeEnds() {
        let days = PeriodCalendar(length: .day)
        let inclusive = days.overlaps(of: DateRange(begin: 1_735_689_600, end: 1_735_775_999))
        #expect(inclusive.map(\.seconds) == [86_400])
        let exclusive = days.overlaps(of: DateRange(begin: 1_735_689_600, end: 1_735_776_000))
        #expect(exclusive.map(\.seconds) == [86_400])
        let empty = days.overlaps(of: DateRange(begin: 1_735_700_000, end: 1_735_690_000))
        #expect(empty.map(\.start) == [1_735_689_600])
        // Longer than a year, or overflowing: the period of its begin only.
        #expect(days.overlaps(of: DateRange(begin: 0, end: 367 * 86_400)).map(\.start) == [0])
        #expect(days.overlaps(of: DateRange(begin: .min, end: .max)).count == 1)
        #expect(days.overlaps(of: DateRange(begin: 0, end: 366 * 86_400 - 1)).count == 366)
    }

    static func record(_ ip: String, _ count: UInt64, pass: Bool, disposition: Disposition = .none) -> Record {
        Record(sourceIP: SourceIP(reportText: ip), count: count,
               policyEvaluated: PolicyEvaluated(disposition: disposition, dkim: pass ? .pass : .fail, spf: .fail))
    }

    static func header(_ reporter: String, begin: Int64, days: Int64, domain: String = "example.com") -> ReportHeader {
        ReportHeader(metadata: ReportMetadata(orgName: reporter, reportID: "\(reporter)-\(begin)",
                                              dateRange: DateRange(begin: begin, end: begin + days * 86_400 - 1)),
                     policy: PolicyPublished(domain: domain, p: .reject, pct: 100))
    }

    @Test("a timeline merged from threads equals one fed everything, and every period's parts add up")
    func mergeAndSums() {
        let calendar = PeriodCalendar(length: .day)
        var whole = Timeline(calendar: calendar)
        var left = Timeline(calendar: calendar), right = Timeline(calendar: calendar)
        var expectedMessages: UInt64 = 0
        for index in 0..<40 {
            var report = TimelineReport()
            for source in 0..<(index % 5 + 1) {
                let record = Self.record("192.0.2.\(source + index % 3)", UInt64(index * 7 + source + 1), pass: source % 2 == 0,
                                         disposition: source % 3 == 0 ? .quarantine : .none)
                report.add(record, under: PolicyPublished())
                expectedMessages += record.count
            }
            let header = Self.header("r\(index % 4)", begin: 1_735_689_600 + Int64(index % 9) * 43_200,
                                     days: Int64(index % 3 + 1), domain: index % 2 == 0 ? "example.com" : "example.org")
            whole.add(report, in: header)
            if index % 2 == 0 { left.add(report, in: header) } else { right.add(report, in: header) }
        }
        left.merge(right)
        #expect(left.rows == whole.rows)
        #expect(whole.rows.reduce(0) { $0 + $1.counts.messages } == expectedMessages)
        for row in whole.rows {
            #expect(row.counts.dmarcPass + row.counts.dmarcFail == row.counts.messages)
            #expect(row.counts.dispositionNone + row.counts.dispositionQuarantine == row.counts.messages)
            #expect(row.reporters <= 4 && row.sources <= 7)
        }
        // Every period from the first to the last, both domains each.
        #expect(whole.rows.count == whole.periodStarts.count * 2)
    }

    @Test("a report counts in the periods it adds messages to: no day of sources without messages")
    func straddlingReport() {
        var timeline = Timeline(calendar: PeriodCalendar(length: .day))
        var report = TimelineReport()
        report.add(Self.record("192.0.2.1", 1, pass: true), under: PolicyPublished())
        report.add(Self.record("192.0.2.2", 1, pass: false), under: PolicyPublished())
        // 05:00 to 05:00 (AOL's days): 19 hours of the first day, 5 of the second, and two messages.
        let header = ReportHeader(metadata: ReportMetadata(orgName: "AOL", reportID: "a",
                                                           dateRange: DateRange(begin: 1_735_707_600,
                                                                                end: 1_735_793_999)),
                                  policy: PolicyPublished(domain: "example.com"))
        timeline.add(report, in: header)
        #expect(timeline.rows.map { [$0.counts.messages, UInt64($0.reports), UInt64($0.sources)] } == [[2, 1, 2]])
        // A report of no messages still shows where it was.
        var empty = Timeline(calendar: PeriodCalendar(length: .day))
        empty.add(TimelineReport(), in: header)
        #expect(empty.rows.map(\.reports) == [1, 1])
    }

    @Test("the README's library example: a weekly report in Paris weeks")
    func readmeExample() {
        let report = AggregateReport(header: Self.header("Weekly", begin: 1_736_121_600, days: 7),
                                     records: [Self.record("192.0.2.1", 700, pass: true), Self.record("192.0.2.2", 7, pass: false)])
        var timeline = Timeline(calendar: PeriodCalendar(length: .week, timeZone: TimeZone(identifier: "Europe/Paris")!))
        var counts = TimelineReport()
        for record in report.records { counts.add(record, under: report.header.policy) }
        timeline.add(counts, in: report.header)
        // Monday 00:00 UTC is 01:00 in Paris: the last hour of the week falls into the next Paris week.
        #expect(timeline.rows.map(\.label) == ["2025-W02", "2025-W03"])
        #expect(timeline.rows.map(\.counts.messages) == [703, 4])
        #expect(timeline.rows.map(\.counts.dmarcPass) == [696, 4])
    }

    @Test("SPF and DKIM: aligned, passing for another domain, or failing")
    func authenticationShares() {
        func record(_ count: UInt64, dkim: DMARCResult, spf: DMARCResult, authDKIM: DKIMResult?, authSPF: SPFResult?) -> Record {
            Record(sourceIP: SourceIP(reportText: "192.0.2.1"), count: count,
                   policyEvaluated: PolicyEvaluated(disposition: Disposition.none, dkim: dkim, spf: spf),
                   authResults: AuthResults(dkim: authDKIM.map { [DKIMAuthResult(domain: "d.example", result: $0)] } ?? [],
                                            spf: authSPF.map { [SPFAuthResult(domain: "s.example", result: $0)] } ?? []))
        }
        var timeline = Timeline(calendar: PeriodCalendar(length: .month))
        timeline.add(AggregateReport(header: Self.header("r", begin: 1_735_689_600, days: 1), records: [
            record(10, dkim: .pass, spf: .pass, authDKIM: .pass, authSPF: .pass),
            record(5, dkim: .fail, spf: .fail, authDKIM: .pass, authSPF: .pass),
            record(3, dkim: .fail, spf: .fail, authDKIM: .fail, authSPF: nil),
            record(2, dkim: .fail, spf: .pass, authDKIM: nil, authSPF: .softfail),
        ]))
        let shares = timeline.authentication
        #expect([shares.dkim.aligned, shares.dkim.passingUnaligned, shares.dkim.failing] == [10, 5, 5])
        #expect([shares.spf.aligned, shares.spf.passingUnaligned, shares.spf.failing] == [12, 5, 3])
        #expect(timeline.rows.map(\.counts.dmarcFail) == [8])
    }
}
