import Foundation
import GitKit

/// Runs one repository through the steps, turns any error into that repo's `failed` result, and leaves the
/// clone on its review branch (or target branch) with a clean tree.
public struct RepoPipeline: Sendable {
    /// The steps, in order. Rewrite must follow branch: it writes into the review branch's work tree, and
    /// commit must follow rewrite, which decides whether there is anything to commit.
    static let steps: [any PipelineStep] = [SyncStep(), BranchStep(), RewriteStep(), CommitStep()]

    let context: RunContext

    /// Makes a pipeline for one run.
    public init(context: RunContext) {
        self.context = context
    }

    /// Runs the pipeline for `spec`; never throws. Returns the result and the commit as a patch, when there is one.
    public func perform(_ spec: RepoSpec) -> (result: RepoResult, patch: String?) {
        let job = RepoJob(spec: spec, context: context)
        let workspace = context.workspace
        context.events(.started(name: spec.name))
        let leftover = InFlight.leftover(for: spec.name, in: workspace)
        job.wasInterrupted = leftover != nil
        job.previousTip = leftover?.previousBranchTip.flatMap(ObjectID.init(hex:))
        job.state = RepoState.load(from: workspace.statePath(for: spec.name))

        var result: RepoResult
        do {
            try InFlight.mark(job, isRewriting: leftover?.isRewriting ?? false)
            result = try runSteps(job)
        } catch {
            let message = context.cancellation.isCancelled ? "interrupted" : Self.describe(error)
            result = job.result(.failed, message: message)
        }
        result = settle(job, result)
        InFlight.clear(spec.name, in: workspace)
        context.events(.finished(result))
        return (result, job.patch)
    }

    private func runSteps(_ job: RepoJob) throws -> RepoResult {
        for step in Self.steps {
            if context.cancellation.isCancelled { return job.result(.failed, message: "interrupted") }
            context.events(.step(name: job.spec.name, step: type(of: step).name))
            do {
                if case .finish(let result) = try step.run(job) { return result }
            } catch {
                throw StepError(step: type(of: step).name, underlying: error)
            }
        }
        throw FleetError.internal("the pipeline ended without a result")
    }

    /// Puts the clone in its resting state and records what happened.
    private func settle(_ job: RepoJob, _ result: RepoResult) -> RepoResult {
        var result = result
        guard let repository = job.repository, let base = job.base, let target = job.targetBranch else {
            return result
        }
        do {
            let touchedTree = job.report != nil
            if touchedTree && job.commit == nil {
                // Nothing is committed: drop the rewriter's edits and put the review branch back as it was.
                try repository.discardChanges()
                if let previous = job.previousTip {
                    try repository.checkoutDetached(previous)
                    try repository.createBranch(job.branch, at: previous, force: true)
                } else if try repository.currentBranch() == job.branch {
                    try checkoutTarget(repository, target: target, base: base)
                    try repository.deleteBranch(job.branch)
                }
            }
            if try repository.branchExists(job.branch) {
                if try repository.currentBranch() != job.branch && repository.isClean() {
                    try repository.checkout(branch: job.branch)
                }
            } else if try repository.isClean(), try repository.currentBranch() != job.branch {
                try checkoutTarget(repository, target: target, base: base)
            }
        } catch {
            result.status = .failed
            result.message = "could not restore the clone: \(Self.describe(error))"
        }
        if !job.context.dryRun && result.status != .upToDate && (result.status != .needsAttention || job.report != nil) {
            saveState(job, result, base: base, target: target)
        }
        return result
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

    private func saveState(_ job: RepoJob, _ result: RepoResult, base: ObjectID, target: String) {
        let state = RepoState(
            fleetVersion: FleetVersion.current, planDigest: context.planDigest, specDigest: Self.digest(of: job.spec),
            targetBranch: target, baseCommit: base.hex, commit: job.commit?.hex,
            changeId: job.commit == nil ? job.state?.changeId : job.changeId, status: result.status, result: result)
        try? state.save(to: context.workspace.statePath(for: job.spec.name))
    }

    /// A digest of the manifest entry fields that change what fleet writes.
    static func digest(of spec: RepoSpec) -> String {
        let servers = spec.servers.sorted { $0.key < $1.key }.map { key, value in
            switch value {
            case .skip: "\(key)=skip"
            case .name(let name): "\(key)=\(name)"
            }
        }
        let text = [spec.name, spec.url, spec.branch ?? "", spec.package ?? "", servers.joined(separator: ",")]
            .joined(separator: "\n")
        return ObjectID.hashBlob(Array(text.utf8)).hex
    }

    /// A one-line description of an error for the report.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as StepError: "\(error.step): \(describe(error.underlying))"
        case let error as GitError: error.message
        default: String(describing: error)
        }
    }
}

/// An error raised inside a pipeline step, with the step's name.
struct StepError: Error {
    var step: String
    var underlying: any Error
}
