import DMARC
import Foundation

/// The help: `--help` for the common case on one screen, the whole reference in the man page.
///
/// `--help` prints argument-parser's help with the short `discussion`, without a default said twice (an option
/// whose text already names its default), wrapped to the terminal (80 columns in a pipe) but never in the middle
/// of an example command. The man page (generate-manual, from `--experimental-dump-help`) gets `reference`.
enum HelpText {
    /// The discussion `--help` shows: what it reads, four examples, where the rest is. No line over 78 columns.
    static let discussion = """
        Reads .zip, .gz and .xml reports and saved mail (.eml, mbox, Maildir) by content, from files, \
        folders (recursively) and - (stdin). The result goes to stdout; each problem is one stderr line \
        naming the file, and the other files still count.

        Examples:
          dmarc-parse ~/dmarc-reports                  # one row per reporter
          dmarc-parse -s --failing ~/dmarc-reports     # the source IPs failing DMARC
          dmarc-parse --audit ~/dmarc-reports          # who fails SPF/DKIM, what to fix
          dmarc-parse --records --format csv ~/dmarc-reports > records.csv

        More (formats, limits, exit status, environment): man dmarc-parse
        """

    /// The discussion of the man page: everything.
    static var reference: String {
        let limits = ReadingLimits()
        return """
            Reads .zip, .gz and .xml reports and saved e-mails (.eml, mbox, Maildir), recognised by content \
            whatever their names, folders of them (recursively, in sorted order, hidden files skipped; of a \
            Maildir, the messages in cur/ and new/ and its Maildir++ folders, never the mail server's state \
            files) and - for standard input. Results go to stdout; every problem goes to stderr as \
            'dmarc-parse: <file>[: <member>]: <reason>' and the other files still count. When nothing was found, \
            one stderr line says so.

            Views: the default (one row per reporter), -s (per source IP), --records, --reports, --audit, \
            --domains (per policy domain), --dkim (per DKIM signing domain and selector). \
            Formats: table (aligned, with a totals line; on a terminal cut to its width and colored), tsv, csv \
            (RFC 4180), json (one array), ndjson (one object a line); tsv, csv and json are never cut or colored.

            Examples: summarise a folder of saved attachments, one row per reporter: \
            'dmarc-parse ~/dmarc-reports'. Messages per source IP as TSV, for sort and awk: \
            'dmarc-parse -s --format tsv ~/dmarc-reports'. The sources failing both SPF and DKIM, except your \
            own network, for jq: 'dmarc-parse -s --failing --exclude-ips 192.0.2.0/24,2001:db8::/32 --format \
            json ~/dmarc-reports'. Every sender, why it fails, what to fix before p=reject: \
            'dmarc-parse --audit ~/dmarc-reports'.

            Alignment: relaxed by the organisational domain of the Public Suffix List (libpsl; data: \
            \(OrganisationalDomain.listDescription)).

            Exit status: 0 every file was read; 1 some file could not be read (the result is still printed); \
            2 usage error; 3 with --audit --fail-on-gaps, when a sender needs action (named on stderr), even \
            when some file could not be read: 3 wins over 1.

            Limits (per file): past \(limits.ratioGuardBytes >> 20) MiB decompressed, at most \
            \(limits.maxCompressionRatio) times the compressed size (--max-compression-ratio: real reports \
            compress 10 to 40 times, bombs 1000), and never more than \(limits.maxDecompressedBytes >> 20) MiB \
            (--max-decompressed-mib); zip members \(limits.maxZipMembers) (--max-zip-members), element depth \
            \(limits.maxElementDepth), text per element \(limits.maxTextBytes >> 10) KiB, containers nested \
            \(limits.maxNesting) deep, \(limits.maxRepeatedElements) <dkim>, <spf> or <reason> per record. \
            Documents that declare XML entities are refused.

            Environment: NO_COLOR (any value) turns colors off unless --color always; COLUMNS sets the width \
            of the table on a terminal; XDG_CACHE_HOME (else ~/.cache) holds dmarc-parse/reverse-dns*.tsv, the \
            answers --resolve keeps until their DNS TTLs run out (a week at most; delete it to ask again).
            """
    }

    /// The help when `arguments` ask for it (`-h`, `--help`, or `help` alone with no file of that name here: the
    /// word shells used to offer), as wide as stdout's terminal or 80 columns; nil when they do not.
    static func answer(_ arguments: [String]) -> String? {
        let asks = arguments.prefix(while: { $0 != "--" }).contains { $0 == "-h" || $0 == "--help" }
            || (arguments == ["help"] && !FileManager.default.fileExists(atPath: "help"))
        guard asks else { return nil }
        return help(width: Terminal(color: .never, environment: ProcessInfo.processInfo.environment).width ?? 80)
    }

    /// The help for `--help`, `width` columns wide.
    static func help(width: Int) -> String {
        render(DMARCParse.helpMessage(columns: 10_000), width: width)
    }

    /// argument-parser's unwrapped help (`columns` very large) without repeated defaults, wrapped to `width`.
    static func render(_ unwrapped: String, width: Int) -> String {
        var out: [String] = []
        var inLimits = false
        for line in unwrapped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            // The limits are for the rare giant report: the man page lists them, --help names them once. The
            // periods likewise: --timeline's line names them; and naming sources: -s's line names it.
            if line == "LIMITS:" || line == "PERIODS:" || line == "NAMING SOURCES:" { inLimits = true }
            if inLimits {
                if line.isEmpty { inLimits = false }
                continue
            }
            var line = line
            // "Files read at once (default: the number of cores). (default: 2)": the text said it already.
            if let suffix = line.firstMatch(of: /\s\((?:values: [^;]*; )?default: [^)]*\)$/),
               line[..<suffix.range.lowerBound].contains("default") {
                line = String(line[..<suffix.range.lowerBound])
                if let values = suffix.output.firstMatch(of: /values: ([^;]*);/) { line += " (values: \(values.1))" }
            }
            out += wrap(line, width: width)
        }
        return out.joined(separator: "\n")
    }

    /// One line broken at spaces to fit `width`, continued under its text; an example command is never broken.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let trimmed = line.drop(while: { $0 == " " })
        if trimmed.hasPrefix("dmarc-parse ") { return [line] }
        // Continue under the text: after an option's label column, or at the line's own indentation.
        let indent: Int
        if let label = line.firstMatch(of: /^  \S.*?\s{2,}/), line.hasPrefix("  -") || line.hasPrefix("  <") {
            indent = label.output.count
        } else {
            indent = line.count - trimmed.count
        }
        var lines: [String] = []
        var current = ""
        for word in line.dropFirst(indent).split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                // The first piece keeps the line's own beginning (an option's label).
                current = (lines.isEmpty ? String(line.prefix(indent)) : String(repeating: " ", count: indent)) + word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
