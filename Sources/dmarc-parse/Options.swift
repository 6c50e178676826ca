import ArgumentParser
import DMARC

/// A comma-separated list of addresses and CIDR ranges, as `--include-ips` and `--exclude-ips` take it.
struct IPRangeList {
    var ranges: [IPRange]

    /// Parses the list; an entry that is no address or range is a usage error naming it.
    static func parse(_ argument: String) throws -> IPRangeList {
        var ranges: [IPRange] = []
        for entry in argument.split(separator: ",", omittingEmptySubsequences: true) {
            guard let range = IPRange(entry) else {
                throw ValidationError("'\(entry)' is not an IP address or CIDR range")
            }
            ranges.append(range)
        }
        return IPRangeList(ranges: ranges)
    }
}

extension OutputFormat: ExpressibleByArgument {
    /// Any case: `--format JSON` is `--format json`.
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Which rows to print.
enum View: String, EnumerableFlag {
    case reporters, statistics, records, audit, reports, domains, dkim, timeline

    static func name(for value: View) -> NameSpecification {
        switch value {
        case .reporters: [.customLong("reporters")]
        case .statistics: [.short, .long]
        case .records: [.long]
        case .audit: [.long]
        case .reports: [.long]
        case .domains: [.long]
        case .dkim: [.long]
        case .timeline: [.long]
        }
    }

    static func help(for value: View) -> ArgumentHelp? {
        switch value {
        case .reporters: "One row per reporter (the default)."
        case .statistics: "One row per source IP address (--enrich: who it is)."
        case .records: "One row per record, in the order read."
        case .audit: "One row per sender and header_from domain: what fails SPF/DKIM, why, and what to fix."
        case .reports: "One nested document per report: metadata, policy, records (json or ndjson)."
        case .domains: "One row per policy domain: pass %, p/sp/pct, gaps."
        case .dkim: "One row per DKIM signing domain and selector."
        case .timeline: "One row per period and policy domain (--by, --tz)."
        }
    }
}

/// The options that choose which records count.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("include-ips"), parsing: .singleValue,
            help: ArgumentHelp("Only records from these addresses or CIDR ranges (comma-separated, repeatable).",
                               valueName: "list"),
            transform: IPRangeList.parse)
    var includeIPs: [IPRangeList] = []

    @Option(name: .customLong("exclude-ips"), parsing: .singleValue,
            help: ArgumentHelp("Never records from these addresses or ranges; wins over --include-ips.",
                               valueName: "list"),
            transform: IPRangeList.parse)
    var excludeIPs: [IPRangeList] = []

    @Flag(help: "Only records that fail DMARC: neither aligned DKIM nor aligned SPF passed.")
    var failing = false

    @Option(name: .customLong("domain"), parsing: .singleValue,
            help: ArgumentHelp("Only reports for this policy domain (repeatable).", valueName: "domain"))
    var domains: [String] = []

    @Option(name: .customLong("reporter"), parsing: .singleValue,
            help: ArgumentHelp("Only this reporter (name or domain; repeatable).", valueName: "name"))
    var reporters: [String] = []

    @Option(help: ArgumentHelp("Only reports whose period begins at or after this date (2025-01-31, ISO 8601 or epoch seconds).",
                               valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only reports whose period begins before this date.", valueName: "date"))
    var until: String?

    mutating func validate() throws {
        if let since, parseTime(since) == nil { throw ValidationError("--since: '\(since)' is no date") }
        if let until, parseTime(until) == nil { throw ValidationError("--until: '\(until)' is no date") }
    }

    var recordFilter: RecordFilter {
        var filter = RecordFilter()
        filter.includedSources = includeIPs.flatMap(\.ranges)
        filter.excludedSources = excludeIPs.flatMap(\.ranges)
        filter.onlyFailing = failing
        filter.policyDomains = Set(domains.map { $0.lowercased() })
        filter.reporters = Set(reporters.map { $0.lowercased() })
        filter.since = since.flatMap(parseTime)
        filter.until = until.flatMap(parseTime)
        return filter
    }
}

/// The options that bound what one input may cost.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-decompressed-mib"),
            help: ArgumentHelp("Stop reading a file that decompresses to more than this (MiB), whatever its ratio.",
                               valueName: "n"))
    var maxDecompressedMiB: Int = ReadingLimits().maxDecompressedBytes >> 20

    @Option(name: .customLong("max-compression-ratio"),
            help: ArgumentHelp("Past \(ReadingLimits().ratioGuardBytes >> 20) MiB decompressed, stop reading a file that "
                               + "decompresses to more than this many times its compressed size.", valueName: "n"))
    var maxCompressionRatio: Int = ReadingLimits().maxCompressionRatio

    @Option(name: .customLong("max-zip-members"), help: ArgumentHelp("Refuse zip archives listing more members.", valueName: "n"))
    var maxZipMembers: Int = ReadingLimits().maxZipMembers

    mutating func validate() throws {
        guard maxDecompressedMiB > 0 else { throw ValidationError("--max-decompressed-mib must be positive") }
        guard maxCompressionRatio > 0 else { throw ValidationError("--max-compression-ratio must be positive") }
        guard maxZipMembers > 0 else { throw ValidationError("--max-zip-members must be positive") }
    }

    var limits: ReadingLimits {
        var limits = ReadingLimits()
        limits.maxDecompressedBytes = maxDecompressedMiB << 20
        limits.maxCompressionRatio = maxCompressionRatio
        limits.maxZipMembers = maxZipMembers
        return limits
    }
}
