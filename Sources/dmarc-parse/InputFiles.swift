import Foundation

/// Turns the paths a user gives into the list of files to read.
///
/// Folders are walked recursively in sorted order; hidden entries (`.name`) inside them are skipped and symbolic
/// links to folders are not followed (no loops). A path named explicitly is always read, hidden or not. Of a
/// Maildir, the messages are read and the mail server's state files skipped (MaildirLayout).
enum InputFiles {
    static func expand(_ paths: [String]) -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                problems.append("\(path): \(String(cString: strerror(errno)))")
                continue
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &files, problems: &problems)
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    /// Reads a list of paths, one per line or NUL-separated (`find -print0`), from a file or `-` (stdin).
    static func list(from source: String) throws -> [String] {
        let data = source == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                                 : try Data(contentsOf: URL(fileURLWithPath: source))
        let separator: UInt8 = data.contains(0) ? 0 : UInt8(ascii: "\n")
        return data.split(separator: separator).map { String(decoding: $0, as: UTF8.self) }
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            .filter { !$0.isEmpty }
    }

    private static func walk(_ folder: String, into files: inout [String], problems: inout [String]) {
        guard let directory = opendir(folder) else {
            problems.append("\(folder): \(String(cString: strerror(errno)))")
            return
        }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, true))
            case Int32(DT_REG): entries.append((name, false))
            default:
                // Unknown type or a link: ask the file system; links to folders are not followed.
                var status = stat()
                if lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
                    entries.append((name, true))
                } else if stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG {
                    entries.append((name, false))
                }
            }
        }
        closedir(directory)
        // Hidden entries are skipped; of a Maildir, only the messages (MaildirLayout).
        let inMaildir = MaildirLayout.isMaildir(entries)
        entries.removeAll { !MaildirLayout.reads($0.name, isFolder: $0.isFolder, in: folder, inMaildir: inMaildir) }
        // Byte order (as `ls` in the C locale), compared with strcmp: the generic UTF-8 view comparison is slow.
        let sorted = entries.sorted { first, second in
            first.name.withCString { a in second.name.withCString { b in strcmp(a, b) < 0 } }
        }
        for entry in sorted {
            let path = folder.hasSuffix("/") ? folder + entry.name : folder + "/" + entry.name
            if entry.isFolder {
                walk(path, into: &files, problems: &problems)
            } else {
                files.append(path)
            }
        }
    }
}
