import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the report folder: `summary.json`, `summary.md`, `status.rst`, `summary.html` and `patches/`.
public enum ReportWriter {
    /// Renders every format of ``ReportFormats/all`` and writes it, plus one patch file per entry of `patches`.
    ///
    /// Each file is written atomically (a temporary file beside it, then a rename), so a reader never sees half a
    /// report file. Patch files of repos not in `patches` are left as they are.
    /// - Parameters:
    ///   - patches: repository name (`<namespace>/<repo>`) → patch text, written to
    ///     `patches/<namespace>__<repo>.patch`.
    ///   - directory: the report folder; made, with its parents, when missing.
    /// - Throws: a rendering error, or the file system's error when a file cannot be written.
    public static func write(_ summary: Summary, patches: [String: String], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for formatter in ReportFormats.all {
            try writeAtomically(try formatter.render(summary), to: directory.appendingPathComponent(formatter.fileName))
        }
        guard !patches.isEmpty else { return }
        let folder = directory.appendingPathComponent("patches", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, patch) in patches.sorted(by: { $0.key < $1.key }) {
            try writeAtomically(patch, to: folder.appendingPathComponent(patchFileName(for: name)))
        }
    }

    /// The patch file name of a repository: `openstack/nova` → `openstack__nova.patch`.
    public static func patchFileName(for repositoryName: String) -> String {
        repositoryName.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "__") + ".patch"
    }

    /// Writes `text` to a temporary file in the same folder, then renames it over `url`.
    static func writeAtomically(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        try Data(text.utf8).write(to: temporary)
        // rename(2) replaces the target in one step; FileManager.moveItem refuses an existing target.
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [
                    NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "cannot write \(url.path): \(reason)",
                ])
        }
    }
}
