import Foundation

/// `Tests/dns/dns-test-server.py`, a real DNS server on 127.0.0.1 (dnslib from PyPI, in `.build-enrichment-dns/`),
/// started for one test and stopped when it ends; it logs every query it gets. (The same file serves the CLI tests.)
final class DNSTestServer {
    let port: Int
    let logFile: URL
    private let process: Process
    private let input: Pipe

    /// `mode`: normal, garbage or silent (see the script). Throws when the server did not start.
    init(mode: String = "normal", ttl: Int = 3600) throws {
        // The package root: above this file, which both test targets compile (one through a symbolic link).
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
              root.path != "/" {
            root.deleteLastPathComponent()
        }
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("dns-log-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("Tests/dns/start-dns-server.sh").path,
                             "--mode", mode, "--ttl", String(ttl), "--log", logFile.path]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line is "port N"; reading byte by byte leaves the pipe to the server afterwards.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        guard let text = String(data: line, encoding: .utf8), text.hasPrefix("port "), let port = Int(text.dropFirst(5))
        else {
            process.terminate()
            throw ServerDidNotStart()
        }
        self.port = port
    }

    /// `127.0.0.1:PORT`, for `--dns-server`.
    var address: String { "127.0.0.1:\(port)" }

    /// The queries the server got, one per line (`PTR 7.2.0.192.in-addr.arpa.`).
    var queries: [String] {
        (try? String(contentsOf: logFile, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    deinit {
        try? input.fileHandleForWriting.close()  // the server stops when its standard input closes
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logFile)
    }

    struct ServerDidNotStart: Error {}
}
