import ArgumentParser
import Foundation

/// The shell completion scripts and the tool description for the man page, without argument-parser's `help`.
///
/// argument-parser describes every command with a synthetic `help` subcommand, even one that has none (1.8.2,
/// `ToolInfoV0`): its completion scripts then offer the word `help` where a path goes, and the man page's synopsis
/// reads `dmarc-parse subcommand`. dmarc-parse has no subcommands, so both are answered here without it:
/// `--generate-completion-script SHELL` and `--experimental-dump-help` (which generate-manual reads).
enum CompletionScript {
    /// What to print instead of argument-parser's answer to `arguments`, or nil when they ask for neither.
    static func answer(_ arguments: [String]) -> String? {
        if arguments == ["--experimental-dump-help"] {
            return toolDescription()
        }
        let shellName: String
        if arguments.count == 2 && arguments[0] == "--generate-completion-script" {
            shellName = arguments[1]
        } else if arguments.count == 1, arguments[0].hasPrefix("--generate-completion-script=") {
            shellName = String(arguments[0].dropFirst("--generate-completion-script=".count))
        } else {
            return nil
        }
        guard let shell = CompletionShell(rawValue: shellName) else { return nil }
        return script(for: shell)
    }

    /// The completion script for `shell`, without the `help` subcommand.
    static func script(for shell: CompletionShell) -> String {
        let lines = DMARCParse.completionScript(for: shell).split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var skipping: (until: Substring, inclusive: Bool)?
        for line in lines {
            if let end = skipping {
                if line == end.until {
                    skipping = nil
                    if end.inclusive { continue }
                } else {
                    continue
                }
            }
            switch shell {
            case .bash:
                // The subcommand block closes with the function; the help function with its own brace.
                if line == "    # Offer subcommand / subcommand argument completions" {
                    skipping = ("}", false)
                    while kept.last?.isEmpty == true { kept.removeLast() }
                    continue
                }
                if line.hasSuffix("_help() {") { skipping = ("}", true); continue }
            case .zsh:
                if line == "        '(-): :->command'" || line == "        '(-)*:: :->arg'" { continue }
                if line == "    case \"${state}\" in" { skipping = ("    esac", true); continue }
                if line.hasSuffix("_help() {") { skipping = ("}", true); continue }
            case .fish:
                if line == "        switch $unparsed_tokens[1]" { skipping = ("        end", true); continue }
                if line.contains("-fa 'help'") || line.contains(" help\" ") { continue }
            default:
                break
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n").replacing("\n\n\n", with: "\n\n")
    }

    /// `--experimental-dump-help`: argument-parser's JSON description without the `help` subcommand, with the
    /// whole reference as its discussion (the man page's; `--help` keeps to the common case).
    private static func toolDescription() -> String? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(DMARCParse._dumpHelp().utf8)),
              var tool = json as? [String: Any], var command = tool["command"] as? [String: Any]
        else { return nil }
        let subcommands = (command["subcommands"] as? [[String: Any]] ?? [])
            .filter { $0["commandName"] as? String != "help" }
        command["subcommands"] = subcommands.isEmpty ? nil : subcommands
        command["discussion"] = HelpText.reference.replacing("\n\n", with: "\n.Pp\n")  // mdoc paragraphs
        tool["command"] = command
        guard let data = try? JSONSerialization.data(withJSONObject: tool, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
