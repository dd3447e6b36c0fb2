import Foundation
import GitKit
import Synchronization

/// Pushes ready review branches to their review remote (Gerrit) with the goal's topic, and records the outcome.
public struct ReviewPusher: Sendable {
    /// One planned push.
    public struct Push: Sendable, Equatable {
        /// The repo name.
        public var name: String
        /// The refspec, `refs/heads/<branch>:refs/for/<target>%topic=<topic>`.
        public var refspec: String
        /// The review remote URL (may hold credentials: show ``displayRemote``).
        public var remote: String
        /// The remote with any password or token hidden.
        public var displayRemote: String { redactedURL(remote) }
    }

    let manifest: Manifest
    let options: RemoteOptions?
    let pushOptions: ReviewPushOptions
    private let pacer: PushPacer

    /// Makes a pusher for a manifest's repos.
    /// - Parameters:
    ///   - manifest: the manifest whose repos are pushed, with their `review:` remotes and the plan's topic.
    ///   - options: remote options; nil means credentials from each URL and the environment.
    ///   - pushOptions: Gerrit push options for the refspec, and the pace between pushes to one host.
    public init(manifest: Manifest, options: RemoteOptions? = nil, pushOptions: ReviewPushOptions = .default) {
        self.manifest = manifest
        self.options = options
        self.pushOptions = pushOptions
        self.pacer = PushPacer(pace: pushOptions.pace)
    }

    /// The push for one result, or an error message saying why it cannot be pushed.
    public func plan(for result: RepoResult) -> Result<Push, PushError> {
        guard result.status.isReadyForReview, result.commit != nil, let target = result.targetBranch else {
            return .failure(PushError(message: "not ready for review (\(result.status.rawValue))"))
        }
        let spec = manifest.repos.first { $0.name == result.name }
        guard let remote = spec?.review ?? ReviewTarget.readGitReview(result)?.reviewURL else {
            return .failure(PushError(message: "no review remote: set 'review:' in the manifest or add a .gitreview"))
        }
        let options = pushOptions.refspecOptions(topic: manifest.plan.topic)
        let refspec = "refs/heads/\(result.branch):refs/for/\(target)%\(options)"
        return .success(Push(name: result.name, refspec: refspec, remote: remote))
    }

    /// Pushes every ready repo of `summary` (limited to `only` when not empty).
    ///
    /// Returns the summary with `pushed`, `reviewUrl` and push failures recorded. One repo's failure never stops
    /// the others.
    public func pushAll(_ summary: Summary, only: [String] = [], jobs: Int = 4) -> Summary {
        let indices = summary.repos.indices.filter { index in
            let repo = summary.repos[index]
            return repo.status.isReadyForReview && (only.isEmpty || only.contains(repo.name))
        }
        let updated = ResultSlots(summary.repos)
        WorkerLanes.run(count: indices.count, width: jobs) { position in
            let index = indices[position]
            updated.update(index) { self.push($0) }
        }
        var result = summary
        result.repos = updated.values
        result.totals = Summary.totals(of: result.repos)
        return result
    }

    /// Pushes one repo and records the outcome in its result.
    func push(_ result: RepoResult) -> RepoResult {
        var result = result
        switch plan(for: result) {
        case .failure(let error):
            result.pushed = false
            result.message = "push failed: \(error.message)"
        case .success(let push):
            do {
                let repository = try Repository.open(at: result.path)
                let remoteOptions = options ?? RemoteOptions(credentials: Credentials.from(url: push.remote))
                try pacer.run(host: PushPacer.host(of: push.remote)) { () throws(GitError) in
                    try repository.push(refspecs: [push.refspec], to: push.remote, options: remoteOptions)
                }
                Self.recordPushed(&result, push)
            } catch  where error.message.contains("no new changes") {
                // Gerrit refuses a commit it already has: the change is there, which is what was asked.
                Self.recordPushed(&result, push)
            } catch {
                result.pushed = false
                result.message = "push failed: " + redactingURLs(in: error.message)
            }
        }
        return result
    }

    /// Records a push that left the change in review: `pushed`, where to find it, and no stale message.
    static func recordPushed(_ result: inout RepoResult, _ push: Push) {
        result.pushed = true
        result.reviewUrl = reviewURL(remote: push.remote, changeId: result.changeId) ?? push.displayRemote
        result.message = nil
    }

    /// Where reviewers find the change: `https://<gerrit host>/q/<Change-Id>` for a network remote.
    static func reviewURL(remote: String, changeId: String?) -> String? {
        guard let changeId, let host = ReviewRemote.host(of: remote) else { return nil }
        return "https://\(host)/q/\(changeId)"
    }
}

/// Why a repo could not be pushed.
public struct PushError: Error, Equatable, Sendable {
    /// A lower-case sentence fragment.
    public var message: String
}

/// Results updated in place by several lanes.
private final class ResultSlots: Sendable {
    private let storage: Mutex<[RepoResult]>

    init(_ values: [RepoResult]) { storage = Mutex(values) }

    var values: [RepoResult] { storage.withLock { $0 } }

    func update(_ index: Int, _ change: (RepoResult) -> RepoResult) {
        let current = storage.withLock { $0[index] }
        let next = change(current)
        storage.withLock { $0[index] = next }
    }
}
