import Foundation
import GitKit

/// Brings the cached clone up to date: fetch when it exists, else clone into a temporary folder and rename it
/// into place, so a killed run never leaves half a clone where the next run would trust it.
struct SyncStep: PipelineStep {
    static let name = "sync"

    func run(_ job: RepoJob) throws -> StepOutcome {
        let url = Self.cloneSource(job.spec.url)
        if FileManager.default.fileExists(atPath: job.clonePath.path) {
            let repository: Repository
            do {
                repository = try Repository.open(at: job.clonePath.path)
            } catch {
                return .finish(
                    job.result(
                        .failed,
                        message: "the cached clone at \(job.clonePath.path) is not a usable git repository "
                            + "(\(error.message)); move it away and re-run to clone afresh"))
            }
            if job.wasInterrupted { Self.removeStaleLocks(in: repository.gitDirectory) }
            if try repository.remoteURL("origin") != url {
                try repository.setConfigValue("remote.origin.url", url)
            }
            try repository.fetch(options: job.remoteOptions)
            job.repository = repository
        } else {
            let temporary = job.context.workspace.temporaryFolder.appendingPathComponent(
                Workspace.flatName(job.spec.name) + "-" + UUID().uuidString.prefix(8))
            do {
                _ = try Repository.clone(from: url, to: temporary.path, options: job.remoteOptions)
                try FileManager.default.createDirectory(
                    at: job.clonePath.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.moveItem(at: temporary, to: job.clonePath)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            job.repository = try Repository.open(at: job.clonePath.path)
        }
        return .next
    }

    /// libgit2 rebuilds a whole pack for `file://` URLs but copies objects for plain paths (spike pitfall 13).
    static func cloneSource(_ url: String) -> String {
        url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
    }

    /// A process killed inside libgit2 can leave lock files that make every later write fail.
    /// Only called when this repo's in-flight marker shows a killed run, under the workspace lock.
    private static func removeStaleLocks(in gitDirectory: String) {
        for name in ["index.lock", "HEAD.lock", "packed-refs.lock", "config.lock", "FETCH_HEAD.lock"] {
            try? FileManager.default.removeItem(atPath: gitDirectory + "/" + name)
        }
        let references = URL(fileURLWithPath: gitDirectory + "/refs")
        let walker = FileManager.default.enumerator(at: references, includingPropertiesForKeys: nil)
        while let file = walker?.nextObject() as? URL {
            if file.pathExtension == "lock" { try? FileManager.default.removeItem(at: file) }
        }
    }
}
