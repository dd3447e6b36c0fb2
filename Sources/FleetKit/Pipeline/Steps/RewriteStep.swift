import Foundation
import GitKit

/// Runs the plan's rewriter on the work tree (analyze and rewrite; verification is its own step), and ends the
/// pipeline for every outcome but `migrated`.
struct RewriteStep {
    static let name = "rewrite"

    /// The repo.
    let spec: RepoSpec
    /// The run.
    let context: RunContext

    func run(_ point: BranchPoint) -> RewrittenTree {
        let request = RewriteRequest(
            root: context.workspace.clonePath(for: spec.name), projectName: spec.name,
            targetBranch: point.targetBranch, settings: spec.settings,
            stableSuffix: Self.stableSuffix(changeId: point.changeId))
        return RewrittenTree(point: point, rewrite: context.rewriter.rewrite(request))
    }

    /// 16 hex digits derived from the Change-Id, so every patch set names its files (a release note) the same way.
    static func stableSuffix(changeId: String) -> String {
        String(ObjectID.hashBlob(Array(changeId.utf8)).hex.prefix(16))
    }
}
