import Foundation
import Testing

/// Every `console` block in README.md whose command starts with `dmarc-parse` shows what the tool prints today.
@Suite("README examples")
struct ReadmeExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var command: String
        var output: String
        var testDescription: String { command }
    }

    static let examples: [Example] = {
        let readme = (try? String(contentsOf: CLIRun.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var examples: [Example] = []
        for block in readme.components(separatedBy: "```console\n").dropFirst() {
            let body = block.components(separatedBy: "\n```").first ?? ""
            var lines = body.components(separatedBy: "\n")
            guard let first = lines.first, first.hasPrefix("$ dmarc-parse ") else { continue }
            lines.removeFirst()
            // A block showing several commands is checked by the test that owns them (the DuckDB check).
            guard !lines.contains(where: { $0.hasPrefix("$ ") }) else { continue }
            examples.append(Example(command: String(first.dropFirst(2)), output: lines.joined(separator: "\n")))
        }
        return examples
    }()

    @Test func readmeHasExamples() {
        #expect(Self.examples.count >= 4)
    }

    @Test(arguments: examples)
    func exampleOutputIsCurrent(_ example: Example) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let tool = CLIRun.executable.path
        process.arguments = ["-c", tool + example.command.dropFirst("dmarc-parse".count)]
        process.currentDirectoryURL = CLIRun.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var printed = String(decoding: data, as: UTF8.self)
        if printed.hasSuffix("\n") { printed.removeLast() }
        #expect(printed == example.output)
    }
}
