import Foundation

/// A fresh folder under the system temporary folder, removed when the test is done with it.
public struct TemporaryDirectory: Sendable {
    /// The folder (its path has symlinks resolved, so it compares equal to what tools print).
    public let url: URL

    /// Makes a new, empty folder named after `prefix` and a UUID.
    public init(prefix: String = "fleet-tests") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath()
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `relative` inside the folder.
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Deletes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs `body` with a fresh temporary folder, removed afterwards whatever happens.
public func withTemporaryDirectory<R>(_ body: (TemporaryDirectory) throws -> R) throws -> R {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
}

/// Writes `files` (relative path → text) under `root`, making folders as needed.
public func writeFiles(_ files: [String: String], under root: URL) throws {
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// Reads a text file under `root`, or nil when it does not exist.
public func readFile(_ path: String, under root: URL) -> String? {
    (try? Data(contentsOf: root.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
}
