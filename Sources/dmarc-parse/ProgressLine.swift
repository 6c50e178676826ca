import DMARC
import Foundation

/// The one progress line on a terminal's stderr ("dmarc-parse: 120 of 10000 files read"), redrawn in place.
///
/// It is erased before any other line goes to stderr and before anything goes to stdout, so that no output starts
/// on its line. Once the result goes to the same terminal (stdout and stderr share it, as in an interactive shell),
/// the line stays off: redrawn among the result's rows it would garble them.
final class ProgressLine: Sendable {
    /// The process's one progress line (stderr is one per process).
    static let shared = ProgressLine()

    private struct State {
        var shown = false
        var off = isatty(STDERR_FILENO) == 0
    }
    private let state = Locked(State())

    /// Draws `text` over the previous progress line, unless the line is off.
    func show(_ text: String) {
        state.withLock { state in
            guard !state.off else { return }
            state.shown = true
            Self.writeErrors("\r\u{1B}[K" + text)
        }
    }

    /// Erases the line if it is shown; the next `show` draws it again.
    func clear() {
        state.withLock { Self.erase(&$0) }
    }

    /// Called before writing to stdout: erases the line, and turns it off when stdout shares its terminal.
    func outputWillWrite() {
        state.withLock { state in
            Self.erase(&state)
            if !state.off && Terminal.outputSharesTerminalWithErrors { state.off = true }
        }
    }

    private static func erase(_ state: inout State) {
        guard state.shown else { return }
        state.shown = false
        writeErrors("\r\u{1B}[K")
    }

    private static func writeErrors(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
