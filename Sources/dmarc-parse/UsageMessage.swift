import ArgumentParser
import Foundation

/// argument-parser's usage errors, said in plain words where its own sentence is about its internals: two views
/// at once, an option it does not know (with the nearest one it does).
enum UsageMessage {
    /// `message` (argument-parser's full usage message) rewritten where a plainer sentence is known.
    static func rewrite(_ message: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return message }
        let twoValues = /^Error: Value to be set with flag '(.+)' had already been set with flag '(.+)'$/
        if let match = first.firstMatch(of: twoValues) {
            let (later, earlier) = (String(match.1), String(match.2))
            lines[0] = isView(earlier) && isView(later)
                ? "Error: \(earlier) and \(later) are two views: give one of them."
                : "Error: \(earlier) and \(later) cannot be given together."
        } else if let match = first.firstMatch(of: /^Error: Unknown option '(--[^']+)'(?:\. Did you mean '[^']*'\?)?$/),
                  let nearest = nearestOption(to: String(match.1)) {
            // Ours rather than argument-parser's guess (which takes --rep for --by).
            lines[0] = "Error: Unknown option '\(match.1)'. Did you mean \(nearest)?"
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `flag` chooses a view (`-s`, `--audit`, …).
    static func isView(_ flag: String) -> Bool {
        flag == "-s" || View.allCases.contains { "--" + $0.rawValue == flag }
    }

    /// The long option(s) that `typed` most likely meant, quoted: those it begins, the only one sharing its longest
    /// beginning (four letters or more), or the nearest by edit distance when that is close enough to be a typo.
    static func nearestOption(to typed: String) -> String? {
        let names = longOptions
        let name = typed.prefix(while: { $0 != "=" })
        let extended = names.filter { $0.hasPrefix(name) }
        if extended.count == 1 { return "'\(extended[0])'" }
        if extended.count > 1 {
            return "one of " + extended.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " or '\(extended.last!)'"
        }
        // An abbreviation (--stats): the only option sharing its first four letters or more.
        func sharedPrefix(_ option: String) -> Int { zip(name, option).prefix(while: { $0 == $1 }).count }
        let longest = names.map(sharedPrefix).max() ?? 0
        let sharing = names.filter { sharedPrefix($0) == longest }
        if longest >= 6, sharing.count == 1 { return "'\(sharing[0])'" }
        let scored = names.map { (name: $0, distance: editDistance(Array(name), Array($0))) }
        guard name.count >= 6, let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= 2
        else { return nil }
        return "'\(best.name)'"
    }

    /// Every long option of the command, as its help lists them.
    static var longOptions: [String] {
        let help = DMARCParse.helpMessage(columns: 1000)
        var names: [String] = []
        for match in help.matches(of: /(?:^|[ ,\[])(--[a-z][a-z0-9-]*)/) where !names.contains(String(match.1)) {
            names.append(String(match.1))
        }
        return names
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
