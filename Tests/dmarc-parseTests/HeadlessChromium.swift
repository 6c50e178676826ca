import Foundation
import Testing

/// Debian's `chromium`, run headless on a local file with every request sent to a recording proxy on loopback
/// (Tests/html/recording-proxy.py), so that a test sees the DOM after scripts ran, every console message and
/// every request the page tried.
struct HeadlessChromium {
    let executable: String

    /// The installed browser; nil when there is none.
    static var installed: HeadlessChromium? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessChromium(executable: candidate) }
            }
        }
        return nil
    }

    /// In CI (`CI=true`) a missing browser fails the test; elsewhere the test is skipped.
    static var mustRun: Bool { installed != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// What loading a page gave.
    struct Load {
        /// The DOM after the page's scripts ran.
        var dom: String
        /// Lines Chromium logged for the page's console (messages, uncaught errors).
        var console: [String]
        /// Request lines the proxy received, except Chromium's own background calls to Google's update, time
        /// and account services (made whatever the page, and never by it).
        var requests: [String]
        /// Chromium's exit status.
        var status: Int32
    }

    static let ownServices = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]

    /// Loads `file`; with `screenshot`, writes a PNG of the window instead of the DOM.
    func load(_ file: URL, windowSize: (Int, Int) = (1280, 2000), screenshot: URL? = nil) throws -> Load {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let proxy = Process()
        proxy.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        proxy.arguments = ["python3", CLIRun.packageRoot.appendingPathComponent("Tests/html/recording-proxy.py").path]
        let proxyInput = Pipe(), proxyOutput = Pipe()
        proxy.standardInput = proxyInput
        proxy.standardOutput = proxyOutput
        try proxy.run()
        var proxyText = Data()
        while !proxyText.contains(UInt8(ascii: "\n")) {
            let chunk = proxyOutput.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            proxyText += chunk
        }
        let port = String(decoding: proxyText, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: executable)
        browser.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--enable-logging=stderr", "--v=0",
            "--proxy-server=http://127.0.0.1:\(port)", "--proxy-bypass-list=<-loopback>",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=\(windowSize.0),\(windowSize.1)",
        ] + (screenshot.map { ["--screenshot=\($0.path)"] } ?? ["--dump-dom"]) + [file.absoluteString]
        let domFile = folder.appendingPathComponent("dom.html"), logFile = folder.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: domFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        browser.standardOutput = try FileHandle(forWritingTo: domFile)
        browser.standardError = try FileHandle(forWritingTo: logFile)
        browser.standardInput = FileHandle.nullDevice
        try browser.run()
        // A hung browser fails the test instead of hanging it.
        let deadline = Date().addingTimeInterval(90)
        while browser.isRunning && Date() < deadline { usleep(50_000) }
        if browser.isRunning {
            browser.terminate()
            Issue.record("chromium did not finish within 90 s")
        }
        browser.waitUntilExit()

        try proxyInput.fileHandleForWriting.close()
        proxyText += proxyOutput.fileHandleForReading.readDataToEndOfFile()
        proxy.waitUntilExit()

        let log = try String(contentsOf: logFile, encoding: .utf8)
        let requests = String(decoding: proxyText, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("REQUEST ") }.map(String.init)
            .filter { line in !Self.ownServices.contains { line.contains(".\($0)") || line.contains(" \($0)") } }
        return Load(dom: try String(contentsOf: domFile, encoding: .utf8),
                    console: log.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
                        .map(String.init),
                    requests: requests, status: browser.terminationStatus)
    }
}
