import ArgumentParser
import DMARC
import Foundation

/// `--color`: when to color the table.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never

    /// Any case, as `--format`.
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// What stdout and stderr are connected to, and so how the table format looks: its width and its colors.
///
/// Escape codes and cut cells are for people at a terminal only: in a pipe or a file the table is whole and plain
/// (unless `--color always`), and the tsv, csv and json formats are never cut or colored.
struct Terminal: Sendable {
    /// Columns the table may take: stdout's terminal width (`$COLUMNS` first); nil when stdout is no terminal.
    var width: Int?
    /// Whether the table format colors its cells.
    var colors: Bool

    /// A terminal with neither a width nor colors: what a pipe gets.
    static let plain = Terminal(width: nil, colors: false)

    /// The terminal as the command line set it up (`--color`), for the writers of stdout to read.
    static var current: Terminal { chosen.withLock { $0 } }
    private static let chosen = Locked(Terminal.plain)

    /// Decides once, at the start of a run, from the file descriptors, the environment and `--color`.
    static func setUp(color: ColorChoice, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let terminal = Terminal(color: color, environment: environment)
        chosen.withLock { $0 = terminal }
    }

    init(width: Int?, colors: Bool) {
        self.width = width
        self.colors = colors
    }

    init(color: ColorChoice, environment: [String: String]) {
        let stdoutIsTerminal = isatty(STDOUT_FILENO) != 0
        switch color {
        case .always: colors = true
        case .never: colors = false
        case .auto:
            // https://no-color.org: a non-empty NO_COLOR turns colors off; so does a terminal that has none.
            colors = stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
        guard stdoutIsTerminal else {
            width = nil
            return
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
        } else {
            var size = winsize()
            width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        }
    }

    /// Whether stdout and stderr write to the same terminal, where a progress line on stderr would sit among the
    /// result's lines.
    static var outputSharesTerminalWithErrors: Bool {
        guard isatty(STDOUT_FILENO) != 0, isatty(STDERR_FILENO) != 0 else { return false }
        var out = stat(), err = stat()
        guard fstat(STDOUT_FILENO, &out) == 0, fstat(STDERR_FILENO, &err) == 0 else { return true }
        return out.st_rdev == err.st_rdev
    }
}
