import Foundation
import GitKit

/// Stages the rewritten tree and commits it on the review branch.
///
/// The message holds the plan's text, the rewriter's text, the topic trailer and the Change-Id. When the new commit
/// would be identical in content to the one already there, the old one stays, so Gerrit gets no empty patch set;
/// when git would commit nothing at all, the repo is not-applicable.
struct CommitStep {
    static let name = "commit"

    /// The repo.
    let spec: RepoSpec
    /// The run.
    let context: RunContext

    func run(_ tree: RewrittenTree) throws -> StepOutcome<CommitRecord> {
        let repository = tree.point.repository
        // The rewriter names every path it created, edited, moved or deleted: staging those, and comparing the index
        // with HEAD, reads nothing else of the tree. The clean check after the commit catches a path it missed.
        try repository.stage(paths: tree.rewrite.changedPaths)
        let staged = Set(try repository.stagedPaths())
        // A rewrite whose every change is in files git ignores leaves nothing to commit: no empty commit.
        guard !staged.isEmpty else {
            return .finish(.notApplicable, message: "nothing to commit: every change is in files git ignores")
        }
        // What the commit changes is what is staged against the base (deletions and both sides of a rename
        // included); a changed path git ignores, or one whose content git sees unchanged, is not named.
        let committed = tree.rewrite.changedPaths.filter(staged.contains)
        let fallback = context.fallbackIdentity.map { CommitIdentity(author: $0, committer: $0) }
        guard let identity = CommitIdentity.resolve(config: { try? repository.configValue($0) }) ?? fallback else {
            return .finish(.failed, message: CommitIdentity.missingMessage)
        }
        let draft = CommitDraft(
            name: spec.name, targetBranch: tree.point.targetBranch, changeId: tree.point.changeId,
            placeholders: tree.rewrite.placeholders, text: tree.rewrite.commitText(committedPaths: committed))
        let message = CommitMessageBuilder.message(
            plan: context.plan, change: draft,
            signedOffBy: context.plan.commit.signedOffBy ? identity.committer.identity : nil)
        var commit = try repository.commit(message: message, author: identity.author, committer: identity.committer)
        if let previous = tree.point.previousTip, try isSameChange(previous, commit, in: repository) {
            try repository.resetHard(to: previous)
            commit = previous
        }
        guard try repository.isClean() else {
            let leftover = try repository.status().map(\.path).prefix(3).joined(separator: ", ")
            return .finish(.failed, message: "the work tree is not clean after committing: \(leftover)")
        }
        // A kept previous commit has the same tree, so the staged paths are its changes too.
        return .next(
            CommitRecord(commit: commit, patch: try repository.formatPatch(commit), changedFiles: staged.sorted()))
    }

    /// Whether two commits have the same parent, tree and message (only the dates differ).
    private func isSameChange(_ old: ObjectID, _ new: ObjectID, in repository: Repository) throws -> Bool {
        let a = try repository.commitInfo(old)
        let b = try repository.commitInfo(new)
        return a.parents == b.parents && a.tree == b.tree && a.message == b.message
    }
}
