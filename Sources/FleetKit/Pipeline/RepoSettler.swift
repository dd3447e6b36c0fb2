import Foundation
import GitKit

/// Puts a repo's clone in its resting state after the pipeline, and records what happened for the next run.
///
/// A clone rests on its review branch when it has one holding fleet's commit, else on its target branch, with a
/// clean tree; an empty review branch a killed run left behind is removed, and one that only held fleet's old,
/// now superseded commit is kept and named in the message, never deleted silently.
struct RepoSettler {
    /// The run.
    let context: RunContext
    /// The repo.
    let spec: RepoSpec
    /// What the last run recorded.
    let state: RepoState?

    func settle(_ run: RepoRun, facts: RepoFacts) -> RepoRun {
        var run = run
        let branch = context.plan.branch
        guard let repository = facts.repository, let base = facts.base, let target = facts.targetBranch else {
            return run
        }
        do {
            if facts.rewrite != nil && facts.commit == nil {
                // Nothing is committed: drop the rewriter's edits and put the review branch back as it was.
                try repository.discardChanges()
                if let previous = facts.point?.previousTip {
                    try repository.checkoutDetached(previous)
                    try repository.createBranch(branch, at: previous, force: true)
                    if run.result.status == .alreadyMigrated {
                        run.result.message = [run.result.message, staleBranchNote(previous)].compactMap { $0 }
                            .joined(separator: "; ")
                    }
                } else if !context.dryRun, try repository.branchExists(branch) {
                    try checkoutTarget(repository, target: target, base: base)
                    try repository.deleteBranch(branch)
                }
            }
            if try repository.branchExists(branch) {
                if try repository.currentBranch() != branch && repository.isClean() {
                    try repository.checkout(branch: branch)
                }
            } else if try repository.isClean(), try repository.currentBranch() != branch {
                try checkoutTarget(repository, target: target, base: base)
            }
        } catch {
            run.result.status = .failed
            run.result.message = "could not restore the clone: \(RepoPipeline.describe(error))"
        }
        let leftAlone = run.result.status == .needsAttention && facts.rewrite == nil
        if !context.dryRun && run.result.status != .upToDate && !leftAlone {
            save(run.result, facts: facts, base: base, target: target)
        }
        return run
    }

    /// Says that fleet's old review branch stays, for the champion to delete.
    private func staleBranchNote(_ tip: ObjectID) -> String {
        let branch = context.plan.branch
        let path = context.workspace.clonePath(for: spec.name).path
        return "the old review branch '\(branch)' (tip \(tip.short)) is still in the clone; the goal is met "
            + "upstream, so you may delete it: git -C \(path) branch -D \(branch)"
    }

    /// Checks out the local target branch, creating it or fast-forwarding it to `base` when that loses nothing.
    private func checkoutTarget(_ repository: Repository, target: String, base: ObjectID) throws {
        if let local = try repository.referenceTarget("refs/heads/\(target)") {
            if local != base, try repository.isAncestor(local, of: base) {
                try repository.createBranch(target, at: base, force: true)
            }
        } else {
            try repository.createBranch(target, at: base)
        }
        try repository.checkout(branch: target)
    }

    private func save(_ result: RepoResult, facts: RepoFacts, base: ObjectID, target: String) {
        let commit = facts.commit
        // The branch's tip, also when fleet's earlier commit was put back: the next run must know it as fleet's.
        let tip = commit?.commit ?? facts.point?.previousTip
        let record = RepoState(
            fleetVersion: FleetVersion.current, planDigest: context.planDigest,
            specDigest: RepoPipeline.digest(of: spec), targetBranch: target, baseCommit: base.hex,
            commit: commit?.commit.hex, branchTip: tip?.hex,
            changeId: commit == nil ? state?.changeId : facts.point?.changeId, status: result.status, result: result)
        try? record.save(to: context.workspace.statePath(for: spec.name, branch: context.plan.branch))
    }
}
