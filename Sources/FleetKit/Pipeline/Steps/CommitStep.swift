import Foundation
import GitKit

/// Stages the rewritten tree and commits it on the review branch with the plan's message, the topic trailer and
/// the Change-Id. When the new commit would be identical in content to the one already there, the old one stays,
/// so Gerrit gets no empty patch set.
struct CommitStep: PipelineStep {
    static let name = "commit"

    func run(_ job: RepoJob) throws -> StepOutcome {
        let repository = try job.openRepository()
        try repository.stageAll()
        let configured = try repository.configuredSignature()
        let identity = configured ?? job.context.fallbackIdentity
        var draft = job.result(.migrated)
        draft.changeId = job.changeId
        // Scripts whose entry point went without a module (`servers: skip`) are named in the message only;
        // summary.json's `servers` lists modules that exist.
        let listed = Set(draft.servers.map(\.script))
        for script in job.report?.removedScripts ?? [] where !listed.contains(script) {
            draft.servers.append(.skipped(script: script, target: ""))
        }
        let message = CommitMessageBuilder.message(
            plan: job.context.plan, result: draft,
            signedOffBy: job.context.plan.commit.signedOffBy ? configured?.identity : nil)
        let commit = try repository.commit(message: message, author: identity, committer: identity)

        if let previous = job.previousTip, try isSameChange(previous, commit, in: repository) {
            try repository.resetHard(to: previous)
            job.commit = previous
        } else {
            job.commit = commit
        }
        guard let committed = job.commit, try repository.isClean() else {
            let leftover = try repository.status().map(\.path).prefix(3).joined(separator: ", ")
            return .finish(job.result(.failed, message: "the work tree is not clean after committing: \(leftover)"))
        }
        job.patch = try repository.formatPatch(committed)
        return .finish(job.result(.migrated))
    }

    /// Whether two commits have the same parent, tree and message (only the dates differ).
    private func isSameChange(_ old: ObjectID, _ new: ObjectID, in repository: Repository) throws -> Bool {
        let a = try repository.commitInfo(old)
        let b = try repository.commitInfo(new)
        return a.parents == b.parents && a.tree == b.tree && a.message == b.message
    }
}
