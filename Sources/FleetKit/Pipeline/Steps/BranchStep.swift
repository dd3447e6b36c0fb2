import Foundation
import GitKit

/// Finds the target branch and its commit, refuses to touch a clone holding someone's work, skips a repo that is
/// already up to date, and puts the work tree on a fresh review branch at the target commit.
struct BranchStep: PipelineStep {
    static let name = "branch"

    func run(_ job: RepoJob) throws -> StepOutcome {
        let repository = try job.openRepository()
        let target = try job.spec.branch ?? Self.gitReviewBranch(repository) ?? repository.remoteDefaultBranch()
        job.targetBranch = target
        guard let base = try repository.referenceTarget("refs/remotes/origin/\(target)") else {
            return .finish(job.result(.failed, message: "the target branch '\(target)' does not exist on the remote"))
        }
        job.base = base

        let dirty = try repository.status()
        if !dirty.isEmpty {
            guard job.wasInterrupted else {
                let sample = dirty.prefix(3).map(\.path).joined(separator: ", ")
                return .finish(
                    job.result(
                        .needsAttention,
                        message: "the clone has uncommitted changes (\(dirty.count) file(s): \(sample)); "
                            + "fleet left them as they are"))
            }
            // Our own half-written tree from a killed run: the in-flight marker says so.
            try repository.discardChanges()
        }

        let expectedChangeId = ChangeID.make(project: job.spec.name, targetBranch: target, topic: job.context.plan.topic)
        if let tip = try repository.referenceTarget("refs/heads/\(job.branch)") {
            switch try ownership(of: tip, in: repository, job: job, expectedChangeId: expectedChangeId) {
            case .ours(let changeId):
                job.previousTip = tip
                job.changeId = changeId
            case .empty:
                break
            case .foreign(let count):
                return .finish(
                    job.result(
                        .needsAttention,
                        message: "the review branch '\(job.branch)' has \(count) commit(s) fleet did not make "
                            + "(tip \(tip.short)); fleet left it as it is"))
            }
        }
        job.changeId = job.changeId ?? job.state?.changeId ?? expectedChangeId

        if let upToDate = try upToDateResult(job, base: base) {
            return .finish(upToDate)
        }
        try InFlight.mark(job, isRewriting: true)
        // Detach first: libgit2 refuses to move the branch HEAD is on.
        try repository.checkoutDetached(base)
        if !job.context.dryRun {
            try repository.createBranch(job.branch, at: base, force: true)
            try repository.checkout(branch: job.branch)
        }
        return .next
    }

    private enum Ownership {
        case ours(changeId: String?)
        case empty
        case foreign(count: Int)
    }

    /// Decides whether the review branch holds only fleet's commit, nothing at all, or someone else's work.
    private func ownership(of tip: ObjectID, in repository: Repository, job: RepoJob, expectedChangeId: String) throws
        -> Ownership
    {
        let target = "refs/remotes/origin/\(job.targetBranch ?? "")"
        let upstream = try repository.referenceTarget(target)
        let own = try repository.commits(from: tip, excluding: upstream)
        if own.isEmpty { return .empty }
        let message = try repository.commitInfo(tip).message
        if let state = job.state, state.commit == tip.hex {
            return .ours(changeId: ChangeID.find(in: message) ?? state.changeId)
        }
        // A run killed between commit and state write: one commit, carrying the Change-Id fleet would give it,
        // made on top of a commit the upstream history contains.
        if job.wasInterrupted, own.count == 1, ChangeID.find(in: message) == expectedChangeId,
            let parent = try repository.commitInfo(tip).parents.first, let upstream,
            try repository.isAncestor(parent, of: upstream)
        {
            return .ours(changeId: expectedChangeId)
        }
        return .foreign(count: own.count)
    }

    /// The recorded result when nothing that matters changed since the last successful run.
    private func upToDateResult(_ job: RepoJob, base: ObjectID) throws -> RepoResult? {
        guard !job.context.force, !job.context.dryRun, let state = job.state, state.status.isSuccess,
            state.baseCommit == base.hex, state.planDigest == job.context.planDigest,
            state.specDigest == RepoPipeline.digest(of: job.spec), state.fleetVersion == FleetVersion.current,
            state.targetBranch == job.targetBranch
        else { return nil }
        if let commit = state.commit, job.previousTip?.hex != commit { return nil }
        var result = state.result
        result.status = state.status == .migrated ? .upToDate : state.status
        result.path = job.clonePath.path
        result.message = nil
        result.durationSeconds = Date().timeIntervalSince(job.started)
        if let commit = state.commit.flatMap(ObjectID.init(hex:)) {
            job.commit = commit
            job.patch = try job.openRepository().formatPatch(commit)
        }
        return result
    }

    /// The `defaultbranch` of the `.gitreview` on the remote's default branch, if any.
    private static func gitReviewBranch(_ repository: Repository) throws -> String? {
        guard let head = try repository.referenceTarget("refs/remotes/origin/HEAD"),
            let bytes = try repository.fileContents(".gitreview", at: head)
        else { return nil }
        return GitReview(parsing: String(decoding: bytes, as: UTF8.self)).defaultBranch
    }
}
