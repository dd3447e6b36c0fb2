import Foundation
import GitKit

/// Runs the plan's rewriter on the work tree (it analyzes, rewrites and verifies), and ends the pipeline for every
/// outcome but `migrated`. A dry run shows the diff here and puts the tree back.
struct RewriteStep: PipelineStep {
    static let name = "rewrite"

    func run(_ job: RepoJob) throws -> StepOutcome {
        let repository = try job.openRepository()
        let request = MigrationRequest(
            projectName: job.spec.name, package: job.spec.package, servers: job.spec.servers,
            options: job.context.plan.options, noteSuffix: Self.noteSuffix(changeId: job.changeId ?? job.spec.name))
        let report = job.context.rewriter.migrate(root: job.clonePath, request: request)
        job.report = report
        switch report.outcome {
        case .migrated:
            guard job.context.dryRun else { return .next }
            let patch = try repository.workingTreePatch()
            job.context.events(.diff(name: job.spec.name, patch: patch))
            return .finish(job.result(.migrated, message: "dry run: nothing was committed"))
        case .alreadyMigrated:
            return .finish(job.result(.alreadyMigrated))
        case .notApplicable(let reason):
            return .finish(job.result(.notApplicable, message: reason))
        case .needsAttention(let reason):
            return .finish(job.result(.needsAttention, message: reason))
        }
    }

    /// 16 hex digits derived from the Change-Id, so every patch set names the release note the same way.
    static func noteSuffix(changeId: String) -> String {
        String(ObjectID.hashBlob(Array(changeId.utf8)).hex.prefix(16))
    }
}
