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
        let fallback = context.fallbackIdentity.map { CommitIdentity(author: $0, committer: $0) }
        let configured = (try? repository.configValues(["user.name", "user.email"])) ?? [:]
        guard let identity = CommitIdentity.resolve(config: { configured[$0] }) ?? fallback else {
            return .finish(.failed, message: CommitIdentity.missingMessage)
        }
        // The new blobs, trees and commit go to disk as one pack; the index and the branch are written after it, so a
        // kill in between never leaves them naming an object that is not stored.
        let draft = try repository.writingObjectsAsOnePack {
            () throws(GitError) -> (result: Draft?, roots: [ObjectID]) in
            // The rewriter names every path it created, edited, moved or deleted: staging those, and comparing the
            // index with HEAD, reads nothing else of the tree. The clean check after the commit catches a path it
            // missed.
            try repository.stage(paths: tree.rewrite.changedPaths, writeIndex: false)
            let staged = Set(try repository.stagedPaths())
            guard !staged.isEmpty else { return (nil, []) }
            let message = message(for: tree, committed: tree.rewrite.changedPaths.filter(staged.contains), identity)
            let commit = try repository.createCommit(
                message: message, author: identity.author, committer: identity.committer)
            let reflogMessage = Repository.commitReflogMessage(for: message)
            return (Draft(commit: commit, reflogMessage: reflogMessage, staged: staged), [commit])
        }
        // A rewrite whose every change is in files git ignores leaves nothing to commit: no empty commit.
        guard let draft else {
            return .finish(.notApplicable, message: "nothing to commit: every change is in files git ignores")
        }
        try repository.writeIndex()
        var commit = draft.commit
        if let previous = tree.point.previousTip, try isSameChange(previous, commit, in: repository) {
            // The branch gets back the commit it had: the new one, identical but for its dates, is never referenced.
            commit = previous
            try repository.moveHead(to: previous, reflogMessage: "reset: moving to \(previous.hex)")
        } else {
            try repository.moveHead(to: commit, reflogMessage: draft.reflogMessage)
        }
        // HEAD now holds the index as it is (or the same tree, kept): only the work tree can differ.
        guard try repository.isWorkTreeClean() else {
            let leftover = try repository.status().map(\.path).prefix(3).joined(separator: ", ")
            return .finish(.failed, message: "the work tree is not clean after committing: \(leftover)")
        }
        // A kept previous commit has the same tree, so the staged paths are its changes too.
        return .next(
            CommitRecord(
                commit: commit, patch: try repository.formatPatch(commit), changedFiles: draft.staged.sorted()))
    }

    /// A commit written but not yet on the branch.
    private struct Draft {
        var commit: ObjectID
        var reflogMessage: String
        var staged: Set<String>
    }

    /// The whole commit message: the plan's text, the rewriter's, the trailers.
    private func message(for tree: RewrittenTree, committed: [String], _ identity: CommitIdentity) -> String {
        let draft = CommitDraft(
            name: spec.name, targetBranch: tree.point.targetBranch, changeId: tree.point.changeId,
            placeholders: tree.rewrite.placeholders, text: tree.rewrite.commitText(committedPaths: committed))
        return CommitMessageBuilder.message(
            plan: context.plan, change: draft,
            signedOffBy: context.plan.commit.signedOffBy ? identity.committer.identity : nil)
    }

    /// Whether two commits have the same parent, tree and message (only the dates differ).
    private func isSameChange(_ old: ObjectID, _ new: ObjectID, in repository: Repository) throws -> Bool {
        let a = try repository.commitInfo(old)
        let b = try repository.commitInfo(new)
        return a.parents == b.parents && a.tree == b.tree && a.message == b.message
    }
}
