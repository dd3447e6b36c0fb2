import Foundation
import GitKit

/// Brings the cached clone up to date: fetch when it exists, else clone into a temporary folder and rename it
/// into place, so a killed run never leaves half a clone where the next run would trust it.
struct SyncStep {
    static let name = "sync"

    /// The repo.
    let spec: RepoSpec
    /// The run.
    let context: RunContext

    /// Opens and fetches the clone, or clones it; a source that cannot be used fails with a ``SyncProblem``.
    /// - Parameters:
    ///   - leftover: the in-flight marker a killed run of this plan left for this repo, if any.
    ///   - wasInterrupted: whether a killed run of any plan left this clone in flight.
    /// - Returns: the open, fetched clone, or a finish when the cached clone is not a usable repository.
    /// - Throws: ``SyncProblem`` when the source cannot be used or has no branch, or the file system's error.
    func run(leftover: InFlightMarker?, wasInterrupted: Bool) throws -> StepOutcome<SyncedClone> {
        let url = Self.cloneSource(spec.url)
        if let problem = SyncProblem.localSource(url) { throw problem }
        let outcome: StepOutcome<SyncedClone>
        do {
            outcome = try transfer(from: url, leftover: leftover, wasInterrupted: wasInterrupted)
        } catch let error as GitError {
            throw SyncProblem.explaining(error, url: spec.url)
        }
        if case .next(let clone) = outcome { try SyncProblem.checkHasBranches(clone.repository) }
        return outcome
    }

    /// Fetches into the cached clone, or clones afresh.
    private func transfer(from url: String, leftover: InFlightMarker?, wasInterrupted: Bool) throws
        -> StepOutcome<SyncedClone>
    {
        let clonePath = context.workspace.clonePath(for: spec.name)
        let repository: Repository
        var isFresh = false
        if context.workspace.hasClone(for: spec.name) {
            do {
                repository = try Repository.open(at: clonePath.path)
            } catch {
                return .finish(
                    .failed,
                    message: "the cached clone at \(clonePath.path) is not a usable git repository "
                        + "(\(error.message)); move it away and re-run to clone afresh")
            }
            if wasInterrupted { Self.removeStaleLocks(in: repository.gitDirectory) }
            // Credentials never go to disk: an older clone's URL that held some is rewritten without them.
            let stored = RemoteURL(url).url
            if try repository.remoteURL("origin") != stored {
                try repository.setConfigValue("remote.origin.url", stored)
            }
            try repository.fetch(options: remoteOptions)
        } else {
            let temporary = context.workspace.temporaryFolder.appendingPathComponent(
                Workspace.flatName(spec.name) + "-" + UUID().uuidString.prefix(8))
            do {
                _ = try Repository.clone(from: url, to: temporary.path, options: remoteOptions)
                try FileManager.default.createDirectory(
                    at: clonePath.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.moveItem(at: temporary, to: clonePath)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            repository = try Repository.open(at: clonePath.path)
            isFresh = true
        }
        return .next(
            SyncedClone(
                repository: repository, isFresh: isFresh, wasInterrupted: wasInterrupted,
                recordedTip: leftover?.previousBranchTip.flatMap(ObjectID.init(hex:))))
    }

    /// The remote options for this repo's transfers: progress events and run cancellation.
    var remoteOptions: RemoteOptions {
        let name = spec.name
        let events = context.events
        let cancellation = context.cancellation
        return RemoteOptions(
            credentials: Credentials.from(url: spec.url),
            progress: { events(.transfer(name: name, percent: $0.percent)) },
            isCancelled: { cancellation.isCancelled })
    }

    /// libgit2 rebuilds a whole pack for `file://` URLs but copies objects for plain paths (spike pitfall 13).
    static func cloneSource(_ url: String) -> String {
        url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
    }

    /// A process killed inside libgit2 can leave lock files that make every later write fail.
    ///
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
