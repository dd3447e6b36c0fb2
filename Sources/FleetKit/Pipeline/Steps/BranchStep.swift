import Foundation
import GitKit

/// Finds the target branch and its commit, refuses to touch a clone holding someone's work, skips a repo that is
/// already up to date, and puts the work tree on a fresh review branch at the target commit.
struct BranchStep {
    static let name = "branch"

    /// What the step decided.
    enum Decision {
        /// Rewrite on the fresh review branch.
        case rewrite(BranchPoint)
        /// Nothing changed since the last successful run: its result and patch stand.
        case upToDate(RepoResult, patch: String?, targetBranch: String, base: ObjectID)
        /// Someone's work is in the clone: leave everything as it is.
        case leave(targetBranch: String, base: ObjectID, status: RepoStatus, message: String)
    }

    /// The repo.
    let spec: RepoSpec
    /// The run.
    let context: RunContext
    /// What the last run recorded, if anything.
    let state: RepoState?

    func run(_ clone: SyncedClone) throws -> StepOutcome<Decision> {
        let repository = clone.repository
        let branch = context.plan.branch
        let target =
            try spec.branch ?? Self.gitReviewBranch(repository)
            ?? SyncProblem.defaultBranch(
                of: repository, url: SyncStep.cloneSource(spec.url),
                options: SyncStep(spec: spec, context: context).remoteOptions)
        guard let base = try repository.referenceTarget("refs/remotes/origin/\(target)") else {
            return .finish(.failed, message: "the target branch '\(target)' does not exist on the remote")
        }

        let dirty = try clone.isFresh || repository.isClean() ? [] : repository.status()
        if !dirty.isEmpty {
            guard clone.wasInterrupted else {
                let sample = dirty.prefix(3).map(\.path).joined(separator: ", ")
                return .next(
                    .leave(
                        targetBranch: target, base: base, status: .needsAttention,
                        message: "the clone has uncommitted changes (\(dirty.count) file(s): \(sample)); "
                            + "fleet left them as they are"))
            }
            // Our own half-written tree from a killed run: the in-flight marker says so.
            try repository.discardChanges()
        }

        let ownership = try BranchOwnership(
            repository: repository, branch: branch, target: target, state: state, clone: clone,
            expectedChangeId: ChangeID.make(project: spec.name, targetBranch: target, topic: context.plan.topic))
        if case .foreign(let count, let tip) = ownership.verdict {
            return .next(
                .leave(
                    targetBranch: target, base: base, status: .needsAttention,
                    message: "the review branch '\(branch)' has \(count) commit(s) fleet did not make "
                        + "(tip \(tip.short)); fleet left it as it is"))
        }
        let previousTip = ownership.previousTip
        let changeId = ownership.changeId ?? state?.changeId ?? ownership.expectedChangeId

        // Trust the repository, not the record: a repo a killed run left in flight is always redone.
        if !clone.wasInterrupted,
            let upToDate = try upToDateResult(repository, base: base, target: target, tip: previousTip)
        {
            return .next(upToDate)
        }
        try InFlight.mark(
            spec.name, branch: context.plan.branch, in: context.workspace, previousTip: previousTip, isRewriting: true)
        // Detach first when HEAD is on the review branch (libgit2 refuses to move the branch HEAD is on), and for a
        // dry run, which creates no branch; otherwise checking out the moved branch brings the tree to the base.
        if try context.dryRun || repository.currentBranch() == branch {
            try repository.checkoutDetached(base)
        }
        if !context.dryRun {
            try repository.createBranch(branch, at: base, force: true)
            try repository.checkout(branch: branch)
        }
        return .next(
            .rewrite(
                BranchPoint(
                    clone: clone, targetBranch: target, base: base, previousTip: previousTip, changeId: changeId)))
    }

    /// The recorded result when nothing that matters changed since the last successful run and the review branch
    /// still holds the commit that run made.
    private func upToDateResult(_ repository: Repository, base: ObjectID, target: String, tip: ObjectID?) throws
        -> Decision?
    {
        guard !context.force, !context.dryRun, let state, state.status.isSuccess,
            state.baseCommit == base.hex, state.planDigest == context.planDigest,
            state.specDigest == RepoPipeline.digest(of: spec), state.fleetVersion == FleetVersion.current,
            state.targetBranch == target
        else { return nil }
        if let commit = state.commit, tip?.hex != commit { return nil }
        var result = state.result
        result.status = state.status == .migrated ? .upToDate : state.status
        result.path = context.workspace.clonePath(for: spec.name).path
        result.message = nil
        result.steps = [:]
        let patch = try state.commit.flatMap(ObjectID.init(hex:)).map { try repository.formatPatch($0) }
        return .upToDate(result, patch: patch, targetBranch: target, base: base)
    }

    /// The `defaultbranch` of the `.gitreview` on the remote's default branch, if any.
    private static func gitReviewBranch(_ repository: Repository) throws -> String? {
        guard let head = try repository.referenceTarget("refs/remotes/origin/HEAD"),
            let bytes = try repository.fileContents(".gitreview", at: head)
        else { return nil }
        return GitReview(parsing: String(decoding: bytes, as: UTF8.self)).defaultBranch
    }
}
