import Foundation
import GitKit

/// What is known about one repo so far, gathered from the values the steps returned, to build its result at
/// whichever step it ends and to put its clone back in order.
struct RepoFacts {
    /// The repo.
    let spec: RepoSpec
    /// The run.
    let context: RunContext
    /// The open clone, after sync.
    var repository: Repository?
    /// The target branch and its commit, once known.
    var targetBranch: String?
    var base: ObjectID?
    /// Where the review branch starts, once branched.
    var point: BranchPoint? {
        didSet {
            targetBranch = point?.targetBranch ?? targetBranch
            base = point?.base ?? base
        }
    }
    /// What the rewriter did (verified, once verification ran).
    var rewrite: PreparedRewrite?
    /// The commit, once made.
    var commit: CommitRecord?

    init(spec: RepoSpec, context: RunContext) {
        self.spec = spec
        self.context = context
    }

    /// The result with the given verdict and everything known so far.
    func result(_ status: RepoStatus, message: String?) -> RepoResult {
        RepoResult(
            name: spec.name, status: status, path: context.workspace.clonePath(for: spec.name).path,
            branch: context.plan.branch, team: spec.team, targetBranch: targetBranch, baseCommit: base?.hex,
            commit: commit?.commit.hex, changeId: commit == nil ? nil : point?.changeId,
            criteriaMet: rewrite?.criteriaMet ?? (context.rewriter.hasCompletionCriterion ? false : nil),
            followUps: rewrite?.followUps ?? [], message: message, changedFiles: commit?.changedFiles ?? [],
            highlights: rewrite?.highlights ?? [], details: rewrite?.details ?? [:])
    }
}
