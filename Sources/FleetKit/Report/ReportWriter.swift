import Dispatch
import Foundation
import Synchronization

/// Writes the report folder: `summary.json`, `summary.md`, `status.rst`, `summary.html` and `patches/`.
public enum ReportWriter {
    /// What a failed write leaves of the report that was there.
    public enum FailurePolicy: Sendable {
        /// `fleet run`: the old `summary.json` is removed, so no earlier run's summary looks like this run's.
        case removeOldSummary
        /// `fleet status`, `push`, `abandon`: the old report is left whole, as it was.
        case keepOldReport
    }

    /// Renders every format of ``ReportFormats/all`` and writes it, plus one patch file per entry of `patches`.
    ///
    /// Everything is rendered, then each file is written to a temporary file beside it, then all are renamed into
    /// place with `summary.json` last, so a reader never sees half a file and `summary.json` is never newer than the
    /// files it vouches for. When a file cannot be written (a full disk) the temporary files are removed and the old
    /// files stay as they were; with ``FailurePolicy/removeOldSummary`` the old `summary.json` goes too. A repo of the
    /// summary whose result has no commit loses its old patch file (`git am patches/*` must not apply a change the
    /// report no longer vouches for); patch files of repos not in the summary (another shard's) are left as they are.
    /// - Parameters:
    ///   - summary: the run's summary, rendered in every format.
    ///   - patches: repository name (`<namespace>/<repo>`) → patch text, written to
    ///     `patches/<namespace>__<repo>.patch`.
    ///   - directory: the report folder; made, with its parents, when missing.
    ///   - pendingHistory: a `history.jsonl` entry to be appended after this write, drawn as the last point.
    ///   - onFailure: what a failed write leaves of the old report.
    /// - Throws: a rendering error, or the file system's error (naming the file) when a file cannot be written.
    public static func write(
        _ summary: Summary, patches: [String: String], to directory: URL, pendingHistory: HistoryEntry? = nil,
        onFailure: FailurePolicy = .removeOldSummary
    ) throws {
        let manager = FileManager.default
        let summaryName = JSONReportFormatter().fileName
        let summaryFile = directory.appendingPathComponent(summaryName)
        var staged: [(temporary: String, final: String)] = []
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            let history = ReportHistory.load(from: directory) + (pendingHistory.map { [$0] } ?? [])
            let rendered = try render(summary, as: ReportFormats.all(history: history)).map {
                (url: directory.appendingPathComponent($0.fileName), data: $0.data)
            }
            let folder = directory.appendingPathComponent("patches", isDirectory: true)
            let patchFiles = patches.sorted { $0.key < $1.key }.map {
                (url: folder.appendingPathComponent(patchFileName(for: $0.key)), data: Data($0.value.utf8))
            }
            if !patches.isEmpty { try manager.createDirectory(at: folder, withIntermediateDirectories: true) }
            // summary.json last: staged last, renamed last.
            let files =
                patchFiles + rendered.filter { $0.url != summaryFile } + rendered.filter { $0.url == summaryFile }
            for file in files {
                let temporary = temporaryPath(for: file.url.path)
                staged.append((temporary, file.url.path))
                do {
                    try FileWriter.write(file.data, to: temporary)
                } catch {
                    throw FileWriteError(path: file.url.path, code: error.code)
                }
            }
            for result in summary.repos where result.commit == nil && patches[result.name] == nil {
                let stale = folder.appendingPathComponent(patchFileName(for: result.name))
                if manager.fileExists(atPath: stale.path) { try manager.removeItem(at: stale) }
            }
            while let (temporary, final) = staged.first {
                guard rename(temporary, final) == 0 else { throw FileWriteError(path: final, code: errno) }
                staged.removeFirst()
            }
        } catch {
            for (temporary, _) in staged { unlink(temporary) }
            if onFailure == .removeOldSummary { try? manager.removeItem(at: summaryFile) }
            throw error
        }
    }

    /// Every format's text, rendered side by side: the formats are independent, and the end of every run waits for
    /// them with its lanes done and its cores idle.
    private static func render(_ summary: Summary, as formats: [any ReportFormatter]) throws -> [(
        fileName: String, data: Data
    )] {
        let results = Mutex<[Result<Data, any Error>?]>(Array(repeating: nil, count: formats.count))
        DispatchQueue.concurrentPerform(iterations: formats.count) { index in
            let result = Result { Data(try formats[index].render(summary).utf8) }
            results.withLock { $0[index] = result }
        }
        return try zip(formats, results.withLock { $0 }).map { format, result in
            guard let result else { throw CancellationError() }
            return (format.fileName, try result.get())
        }
    }

    /// A new name beside `path` for its temporary file, hidden and marked as fleet's.
    private static func temporaryPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return folder + "/." + name + ".fleet-" + UUID().uuidString.prefix(8)
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
