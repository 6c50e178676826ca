import Foundation

/// Runs the built `dmarc-parse` (it sits beside the test bundle) and captures what it prints.
struct CLIRun {
    var stdout: String
    var stderr: String
    var status: Int32

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A path under `Fixtures/cli`, relative to the package root (as the tool then prints it).
    static func fixture(_ name: String) -> String { "Fixtures/cli/" + name }

    static var executable: URL {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("dmarc-parse").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("dmarc-parse")
    }

    /// Runs the tool from the package root with `arguments`, feeding `input` to its stdin.
    /// `environment`: variables set on top of the test's own (XDG_CACHE_HOME for the reverse DNS cache).
    init(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) async throws {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let output = Pipe(), errors = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(input)
            try inputPipe.fileHandleForWriting.close()
        }
        // Drain stderr on another thread while reading stdout, so neither pipe can fill up and block the tool.
        let errorReader = Task.detached { errors.fileHandleForReading.readDataToEndOfFile() }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = await errorReader.value
        process.waitUntilExit()
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
        status = process.terminationStatus
    }
}
