import Foundation

/// Writes the report folder: `summary.json`, `summary.md`, `status.rst`, `summary.html` and `patches/`.
public enum ReportWriter {
    /// Renders every format of ``ReportFormats/all`` and writes it, plus one patch file per entry of `patches`.
    ///
    /// Each file is written atomically (a temporary file beside it, then a rename), so a reader never sees half a
    /// report file. `summary.json` is removed first and written last, so it is this run's or absent, never the
    /// last run's after a write that failed part-way (a full disk). A repo of the summary whose result has no commit
    /// loses its old patch file (`git am patches/*` must not apply a change the report no longer vouches for);
    /// patch files of repos not in the summary (another shard's) are left as they are.
    /// - Parameters:
    ///   - summary: the run's summary, rendered in every format.
    ///   - patches: repository name (`<namespace>/<repo>`) → patch text, written to
    ///     `patches/<namespace>__<repo>.patch`.
    ///   - directory: the report folder; made, with its parents, when missing.
    /// - Throws: a rendering error, or the file system's error when a file cannot be written.
    public static func write(_ summary: Summary, patches: [String: String], to directory: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        // The HTML page draws the folder's history.jsonl, so `fleet run` and `fleet status` append to it first.
        let formats = ReportFormats.all(history: ReportHistory.load(from: directory))
        let rendered = try formats.map { (name: $0.fileName, data: Data(try $0.render(summary).utf8)) }
        let summaryName = JSONReportFormatter().fileName
        let summaryFile = directory.appendingPathComponent(summaryName)
        if manager.fileExists(atPath: summaryFile.path) { try manager.removeItem(at: summaryFile) }
        for file in rendered where file.name != summaryName {
            try writeAtomically(file.data, to: directory.appendingPathComponent(file.name))
        }
        let folder = directory.appendingPathComponent("patches", isDirectory: true)
        for result in summary.repos where result.commit == nil && patches[result.name] == nil {
            let stale = folder.appendingPathComponent(patchFileName(for: result.name))
            if manager.fileExists(atPath: stale.path) { try manager.removeItem(at: stale) }
        }
        if !patches.isEmpty { try manager.createDirectory(at: folder, withIntermediateDirectories: true) }
        for (name, patch) in patches.sorted(by: { $0.key < $1.key }) {
            try writeAtomically(Data(patch.utf8), to: folder.appendingPathComponent(patchFileName(for: name)))
        }
        for file in rendered where file.name == summaryName {
            try writeAtomically(file.data, to: summaryFile)
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
            patches[name] = try? String(
                contentsOf: folder.appendingPathComponent(patchFileName(for: name)), encoding: .utf8)
        }
        return patches
    }
}
