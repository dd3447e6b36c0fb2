import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of one repository, reached only through paths relative to its root.
///
/// Every access resolves the path component by component; a symlink that leads out of the root is refused with a
/// ``MigrationProblem``, so nothing outside the repository is ever read as input or written.
struct RepositoryTree: Sendable {
    /// What a path names.
    enum Kind: Sendable, Equatable {
        case file
        case directory
    }

    /// The root, with symlinks resolved.
    let rootPath: String

    /// Opens the tree at `root`.
    /// - Throws: ``MigrationProblem`` when the root is not a folder.
    init(root: URL) throws {
        guard let resolved = realpath(root.path, nil) else {
            throw MigrationProblem("repository folder \(root.path) does not exist")
        }
        rootPath = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(rootPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw MigrationProblem("\(root.path) is not a folder")
        }
    }

    /// The absolute path of `relative`, after checking that no symlink on the way leads out of the root.
    /// - Throws: ``MigrationProblem`` for `..`, absolute paths and escaping symlinks.
    func resolve(_ relative: String) throws -> String {
        let components = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !relative.hasPrefix("/"), !components.contains(where: { $0 == ".." }) else {
            throw MigrationProblem("path \(relative) leaves the repository")
        }
        var current = rootPath
        var walked: [Substring] = []
        for component in components where component != "." {
            walked.append(component)
            let candidate = current + "/" + component
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                // The rest does not exist yet: nothing below can be a symlink.
                return ([candidate] + components.dropFirst(walked.count).map(String.init)).joined(separator: "/")
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = realpath(candidate, nil) else {
                    throw MigrationProblem("\(walked.joined(separator: "/")) is a dangling symlink")
                }
                let resolved = String(cString: target)
                free(target)
                guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else {
                    throw MigrationProblem(
                        "\(walked.joined(separator: "/")) is a symlink leading out of the repository; refused")
                }
                current = resolved
            } else {
                current = candidate
            }
        }
        return current
    }

    /// What `relative` names, or nil when nothing is there.
    func kind(_ relative: String) throws -> Kind? {
        let path = try resolve(relative)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return nil
        }
    }

    /// Whether `relative` is a regular file.
    func isFile(_ relative: String) throws -> Bool { try kind(relative) == .file }

    /// Whether `relative` is a folder.
    func isDirectory(_ relative: String) throws -> Bool { try kind(relative) == .directory }

    /// The bytes of the file at `relative`.
    /// - Throws: ``MigrationProblem`` when it is missing, unreadable, or larger than `limit` bytes.
    func read(_ relative: String, limit: Int = 4 << 20) throws -> Data {
        let path = try resolve(relative)
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw MigrationProblem("\(relative) is not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw MigrationProblem("\(relative) is too large (\(info.st_size) bytes; the limit is \(limit))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MigrationProblem("cannot read \(relative)")
        }
        return data
    }

    /// The text of the file at `relative`, refusing binary content and invalid UTF-8.
    func readText(_ relative: String, limit: Int = 4 << 20) throws -> String {
        let data = try read(relative, limit: limit)
        if data.contains(0) { throw MigrationProblem("\(relative) is a binary file, not text") }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw MigrationProblem("\(relative) is not valid UTF-8")
        }
        return text
    }

    /// Writes `data` to `relative`, making folders as needed.
    func write(_ data: Data, to relative: String) throws {
        let path = try resolve(relative)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw MigrationProblem("cannot write \(relative): \(error.localizedDescription)")
        }
        do {
            try FileWriter.write(data, to: path)
        } catch {
            throw MigrationProblem("cannot write \(relative): \(error.reason)")
        }
    }

    /// Writes `text` as UTF-8 to `relative`.
    func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    /// Moves the file at `source` to `destination`, making folders as needed.
    func move(_ source: String, to destination: String) throws {
        let from = try resolve(source)
        let to = try resolve(destination)
        do {
            try FileManager.default.createDirectory(
                atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: from, toPath: to)
        } catch {
            throw MigrationProblem("cannot move \(source) to \(destination): \(error.localizedDescription)")
        }
    }

    /// The names in the folder at `relative` (empty when it is not a folder).
    func contents(of relative: String) throws -> [String] {
        guard try isDirectory(relative) else { return [] }
        return (try? FileManager.default.contentsOfDirectory(atPath: try resolve(relative))) ?? []
    }
}
