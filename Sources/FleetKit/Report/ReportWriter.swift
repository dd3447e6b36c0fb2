import Foundation

/// Writes the report folder: `summary.json`, `summary.md`, `status.rst`, `summary.html` and `patches/`.
public enum ReportWriter {
    /// Renders every format of ``ReportFormats/all`` and writes it, plus one patch file per entry of `patches`.
    ///
    /// Each file is written atomically (a temporary file beside it, then a rename), so a reader never sees half a
    /// report file. A repo of the summary whose result has no commit loses its old patch file (`git am patches/*`
    /// must not apply a change the report no longer vouches for); patch files of repos not in the summary (another
    /// shard's) are left as they are.
    /// - Parameters:
    ///   - patches: repository name (`<namespace>/<repo>`) → patch text, written to
    ///     `patches/<namespace>__<repo>.patch`.
    ///   - directory: the report folder; made, with its parents, when missing.
    /// - Throws: a rendering error, or the file system's error when a file cannot be written.
    public static func write(_ summary: Summary, patches: [String: String], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The HTML page draws the folder's history.jsonl, so `fleet run` and `fleet status` append to it first.
        for formatter in ReportFormats.all(history: ReportHistory.load(from: directory)) {
            try writeAtomically(Data(formatter.render(summary).utf8), to: directory.appendingPathComponent(formatter.fileName))
        }
        let folder = directory.appendingPathComponent("patches", isDirectory: true)
        for result in summary.repos where result.commit == nil && patches[result.name] == nil {
            let stale = folder.appendingPathComponent(patchFileName(for: result.name))
            if FileManager.default.fileExists(atPath: stale.path) { try FileManager.default.removeItem(at: stale) }
        }
        guard !patches.isEmpty else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, patch) in patches.sorted(by: { $0.key < $1.key }) {
            try writeAtomically(Data(patch.utf8), to: folder.appendingPathComponent(patchFileName(for: name)))
        }
    }

    /// The patch file name of a repository: `openstack/nova` → `openstack__nova.patch`.
    public static func patchFileName(for repositoryName: String) -> String {
        Workspace.flatName(repositoryName) + ".patch"
    }

    /// Reads back the patch files of `names` from a report folder, for re-rendering it; repos without one are absent.
    public static func patches(in directory: URL, for names: [String]) -> [String: String] {
        let folder = directory.appendingPathComponent("patches", isDirectory: true)
        var patches: [String: String] = [:]
        for name in names {
            patches[name] = try? String(contentsOf: folder.appendingPathComponent(patchFileName(for: name)), encoding: .utf8)
        }
        return patches
    }
}
