import Foundation

/// What to read of a Maildir as mail programs leave it on a server: the messages, not the programs' state.
///
/// A Maildir is a folder with `cur/` and `new/` (and `tmp/`). Of its root, the messages in `cur/` and `new/` are
/// read, and the Maildir++ folders (`.DMARC/`, `.Sent/`, each a Maildir of its own) likewise; `tmp/` holds
/// messages still being delivered and is left alone. The index and state files of Dovecot (`dovecot-uidlist`,
/// `dovecot.index*`, `dovecot-keywords`, `subscriptions`, …), Courier (`courierimap*`, `courierpop3dsizelist`),
/// Maildir++ (`maildirfolder`, `maildirsize`) and SqWebMail are skipped silently. Any other file at a Maildir's
/// root is read as usual, so that nothing is dropped without a word.
enum MaildirLayout {
    /// Whether a folder whose entries are `entries` is a Maildir.
    static func isMaildir(_ entries: [(name: String, isFolder: Bool)]) -> Bool {
        entries.contains { $0.name == "cur" && $0.isFolder } && entries.contains { $0.name == "new" && $0.isFolder }
    }

    /// Whether the folder at `path` is a Maildir (for a Maildir++ `.folder`).
    static func isMaildir(atPath path: String) -> Bool {
        ["cur", "new"].allSatisfy { name in
            var status = stat()
            return stat(path + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
    }

    /// Whether a folder walk reads the entry `name` of `folder`, which is a Maildir or not (`inMaildir`).
    /// Outside a Maildir every entry is read except hidden ones (`.name`).
    static func reads(_ name: String, isFolder: Bool, in folder: String, inMaildir: Bool) -> Bool {
        guard inMaildir else { return !name.hasPrefix(".") }
        if name.hasPrefix(".") {
            return isFolder && isMaildir(atPath: folder + "/" + name)
        }
        if isFolder && name == "tmp" { return false }
        return !isMailProgramState(name)
    }

    /// The names mail servers give their own files and folders at a Maildir's root.
    static func isMailProgramState(_ name: String) -> Bool {
        stateNames.contains(name) || statePrefixes.contains { name.hasPrefix($0) }
    }

    private static let stateNames: Set<String> = ["subscriptions", "maildirfolder", "maildirsize"]
    /// Dovecot (`dovecot-uidlist`, `dovecot.index.cache`, `dovecot.list.index.log`, `dovecot-keywords`,
    /// `dovecot-uidvalidity.*`, `dovecot-acl`), Courier (`courierimapuiddb`, `courierimapkeywords/`,
    /// `courierpop3dsizelist`), SqWebMail (`sqwebmail-*`).
    private static let statePrefixes = ["dovecot-", "dovecot.", "courierimap", "courierpop3d", "sqwebmail"]
}
