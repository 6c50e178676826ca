import Foundation

/// When this process was started, read from Linux's `/proc/self/stat`.
///
/// The progress line waits until the run has taken a second *as the user sees it*: from the moment the command was
/// started, not from when `main` got going. The two differ when loading the binary is slow (a busy machine, a
/// sanitizer build); counting from `main` would then hide the progress of a run that had already kept the user
/// waiting.
enum ProcessStart {
    /// How long ago the process started, or nil where `/proc` is not there to say.
    static func elapsed() -> TimeInterval? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let commandEnd = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm)" come the fields from the third (state) on; the 22nd is starttime, in clock ticks
        // since boot. The command name may hold spaces and parentheses, hence the last ")".
        let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
        let startTimeIndex = 22 - 3
        guard fields.count > startTimeIndex, let ticks = Double(fields[startTimeIndex]) else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        var now = timespec()
        guard ticksPerSecond > 0, clock_gettime(CLOCK_BOOTTIME, &now) == 0 else { return nil }
        let sinceBoot = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        return max(0, sinceBoot - ticks / ticksPerSecond)
    }
}
