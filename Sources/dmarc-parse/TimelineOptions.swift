import ArgumentParser
import DMARC
import Foundation

extension PeriodLength: ExpressibleByArgument {}

/// The periods of `--timeline` and `--html`. Their group ("Periods") is left out of `--help`, which names them in
/// `--timeline`'s line, and listed in the man page.
struct TimelineOptions: ParsableArguments {
    @Option(name: .customLong("by"),
            help: ArgumentHelp("With --timeline or --html: periods of a day, a week (ISO, Monday to Sunday) or a month.",
                               valueName: "day|week|month"))
    var periodLength: PeriodLength?

    @Option(name: .customLong("tz"),
            help: ArgumentHelp("With --timeline or --html: periods in this time zone (IANA name such as Europe/Paris; default UTC).",
                               valueName: "zone"))
    var timeZoneName: String?

    mutating func validate() throws {
        if let timeZoneName, TimeZone(identifier: timeZoneName) == nil {
            throw ValidationError("--tz: '\(timeZoneName)' is no time zone (try UTC or a name like Europe/Paris)")
        }
    }

    /// Checks that the options go with the view chosen.
    func validate(with view: View, html: String?, format: OutputFormat) throws {
        if html != nil && view != .reporters {
            throw ValidationError("--html writes every view into the page: leave out --\(view.rawValue)")
        }
        if html != nil && format != .table {
            throw ValidationError("--html writes HTML: leave out --format")
        }
        if html == nil && view != .timeline && (periodLength != nil || timeZoneName != nil) {
            throw ValidationError("--by and --tz go with --timeline or --html")
        }
    }

    /// The periods asked for: days in UTC unless told otherwise.
    var calendar: PeriodCalendar {
        PeriodCalendar(length: periodLength ?? .day,
                       timeZone: timeZoneName.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!)
    }
}
