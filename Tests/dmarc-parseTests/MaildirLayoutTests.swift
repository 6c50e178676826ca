import Foundation
import Testing

/// A Maildir as a mail server leaves it (Fixtures/mail/ServerMaildir, from make-server-maildir.py).
@Suite("Maildir roots")
struct MaildirLayoutTests {
    @Test("a Dovecot/Courier Maildir root: cur/, new/ and the .DMARC folder read, state files and tmp/ skipped silently")
    func serverMaildir() async throws {
        let run = try await CLIRun(["--format", "tsv", "Fixtures/mail/ServerMaildir"])
        #expect(run.stderr == "")
        #expect(run.status == 0)
        #expect(run.stdout == """
            reporter\treports\tdomains\tbegin\tend\trecords\tmessages\tdmarc_pass\tdmarc_fail\tnone\tquarantine\treject\tpass
            google.com\t1\texample.com\t2025-01-01T00:00:00Z\t2025-01-01T23:59:59Z\t5\t570\t566\t4\t566\t4\t0\t0
            Yahoo\t1\texample.com\t2025-01-01T00:00:00Z\t2025-01-01T23:59:59Z\t4\t65\t61\t4\t61\t4\t0\t0
            comcast.net\t1\texample.com\t2025-01-01T00:00:00Z\t2025-01-01T23:59:59Z\t3\t34\t27\t7\t27\t7\t0\t0

            """)
    }

    @Test("--records names the messages read: cur/ and new/ of the root, then .DMARC/cur/")
    func messagesRead() async throws {
        let run = try await CLIRun(["--records", "--format", "csv", "Fixtures/mail/ServerMaildir"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\r\n").count == 1 + 12)
    }

    @Test("outside the state files' names, a file at a Maildir root is read (and said to be no report)")
    func otherFilesAtTheRootAreRead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fileManager = FileManager.default
        for sub in ["cur", "new", "tmp", ".Hidden/cur", ".Hidden-not-maildir"] {
            try fileManager.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let report = CLIRun.packageRoot.appendingPathComponent("Fixtures/sample/comcast.net!example.com!1735689600!1735775999.xml")
        try fileManager.copyItem(at: report, to: folder.appendingPathComponent("cur/1.M1P1.host:2,S"))
        try Data("half a message".utf8).write(to: folder.appendingPathComponent("tmp/2.M2P2.host"))
        try Data("3 V1 N2\n".utf8).write(to: folder.appendingPathComponent("dovecot-uidlist"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data("x".utf8).write(to: folder.appendingPathComponent(".Hidden-not-maildir/x"))
        let run = try await CLIRun(["--format", "tsv", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("dmarc-parse: \(folder.path)/notes.txt: not a DMARC report"))
        #expect(!run.stderr.contains("dovecot") && !run.stderr.contains("2.M2P2") && !run.stderr.contains("Hidden"))
        #expect(run.stdout.hasSuffix("\t3\t34\t27\t7\t27\t7\t0\t0\n"))
    }
}
