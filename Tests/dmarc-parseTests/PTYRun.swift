import Foundation

/// Runs the built `dmarc-parse` with stderr (and stdout, unless `stdoutPiped`) on a pseudo-terminal `columns`
/// wide, through Tests/terminal/pty-run.py (Python's `pty`), and captures what the terminal showed.
struct PTYRun {
    /// Everything written to the terminal, in order, escape codes included.
    var terminal: String
    /// What stdout wrote, when it was a pipe.
    var stdout: String?
    var status: Int32

    static let helper = CLIRun.packageRoot.appendingPathComponent("Tests/terminal/pty-run.py")

    init(_ arguments: [String], columns: Int, stdoutPiped: Bool = false, environment: [String: String] = [:],
         stdinAfter delay: Double? = nil, stdinFile: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var helperArguments = ["python3", Self.helper.path, "--cols", String(columns)]
        if stdoutPiped { helperArguments.append("--stdout-pipe") }
        if let delay { helperArguments += ["--stdin-delay", String(delay)] }
        if let stdinFile { helperArguments += ["--stdin-file", stdinFile] }
        process.arguments = helperArguments + ["--", CLIRun.executable.path] + arguments
        process.currentDirectoryURL = CLIRun.packageRoot
        var inherited = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "COLUMNS", "TERM"] { inherited[name] = nil }
        inherited["TERM"] = "xterm"
        process.environment = inherited.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Answer: Decodable { var terminal: String; var stdout: String?; var status: Int32 }
        let answer = try JSONDecoder().decode(Answer.self, from: data)
        terminal = answer.terminal
        stdout = answer.stdout
        status = answer.status
    }

    /// `text` without SGR escapes (colors, bold).
    static func plain(_ text: String) -> String {
        text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    }
}
