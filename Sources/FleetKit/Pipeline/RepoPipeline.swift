import Foundation
import GitKit

/// Runs one repository through the steps, turns any error into that repo's `failed` result, and leaves the
/// clone on its review branch (or target branch) with a clean tree.
///
/// The steps, in order, each taking the previous one's output as a value: ``SyncStep`` (a clone) → ``BranchStep``
/// (a branch point) → ``RewriteStep`` (a rewritten tree) → ``VerifyStep`` (a verified tree) → ``CommitStep`` (a
/// commit record). Rewrite must follow branch: it writes into the review branch's work tree; commit must follow
/// verify, which decides whether there is anything to commit.
public struct RepoPipeline: Sendable {
    let context: RunContext

    /// Makes a pipeline for one run.
    public init(context: RunContext) {
        self.context = context
    }

    /// Runs the pipeline for `spec`; never throws.
    public func perform(_ spec: RepoSpec) -> RepoRun {
        let started = Date()
        let workspace = context.workspace
        let plan = context.plan.branch
        context.events(.started(name: spec.name))
        var timer = StepTimer(name: spec.name, events: context.events)
        var facts = RepoFacts(spec: spec, context: context)
        let leftover = InFlight.leftover(for: spec.name, branch: plan, in: workspace)
        // Read before this run marks its own: a killed run of another plan left the shared clone in flight too.
        let wasInterrupted = leftover != nil || InFlight.anyLeftover(for: spec.name, in: workspace)
        let state = RepoState.load(for: spec.name, plan: context.plan, in: workspace)
        var run: RepoRun
        do {
            // A clone that is not there yet is made in a temporary folder and renamed into place whole, so a kill
            // before the branch step (which marks the repo before it touches the tree) leaves nothing to repair;
            // unless an earlier run's record makes the repo up to date, when the settler may check out its branch.
            if leftover != nil || state != nil || workspace.hasClone(for: spec.name) {
                try InFlight.mark(
                    spec.name, branch: plan, in: workspace,
                    previousTip: leftover?.previousBranchTip.flatMap(ObjectID.init(hex:)),
                    isRewriting: leftover?.isRewriting ?? false)
            }
            run = try runSteps(
                spec, leftover: leftover, wasInterrupted: wasInterrupted, state: state, timer: &timer, facts: &facts)
        } catch {
            let message =
                context.cancellation.isCancelled ? "interrupted" : Self.describe(error, workspace: workspace.root.path)
            run = RepoRun(result: facts.result(.failed, message: message))
        }
        run = RepoSettler(context: context, spec: spec, state: state).settle(run, facts: facts)
        run.result.steps = run.result.steps.isEmpty ? timer.steps : run.result.steps
        run.result.durationSeconds = Date().timeIntervalSince(started)
        InFlight.clear(spec.name, branch: plan, in: workspace)
        context.events(.finished(run.result))
        return run
    }

    private func runSteps(
        _ spec: RepoSpec, leftover: InFlightMarker?, wasInterrupted: Bool, state: RepoState?, timer: inout StepTimer,
        facts: inout RepoFacts
    ) throws -> RepoRun {
        func stop(_ status: RepoStatus, _ message: String?) -> RepoRun {
            RepoRun(result: facts.result(status, message: message))
        }
        if context.cancellation.isCancelled { return stop(.failed, "interrupted") }
        let clone: SyncedClone
        switch try timer.run(
            SyncStep.name,
            {
                try SyncStep(spec: spec, context: context).run(leftover: leftover, wasInterrupted: wasInterrupted)
            })
        {
        case .finish(let status, let message): return stop(status, message)
        case .next(let synced): clone = synced
        }
        facts.repository = clone.repository

        if context.cancellation.isCancelled { return stop(.failed, "interrupted") }
        let decision = try timer.run(BranchStep.name) {
            try BranchStep(spec: spec, context: context, state: state).run(clone)
        }
        let point: BranchPoint
        switch decision {
        case .finish(let status, let message):
            return stop(status, message)
        case .next(.leave(let target, let base, let status, let message)):
            facts.targetBranch = target
            facts.base = base
            return stop(status, message)
        case .next(.upToDate(let result, let patch, let target, let base)):
            // Known, so the settler puts the clone on its branch whatever another plan left checked out.
            facts.targetBranch = target
            facts.base = base
            return RepoRun(result: result, patch: patch)
        case .next(.rewrite(let branchPoint)):
            point = branchPoint
            facts.point = branchPoint
        }

        if context.cancellation.isCancelled { return stop(.failed, "interrupted") }
        var tree = timer.run(RewriteStep.name) { RewriteStep(spec: spec, context: context).run(point) }
        facts.rewrite = tree.rewrite
        if tree.rewrite.outcome == .migrated {
            tree = timer.run(VerifyStep.name) { VerifyStep().run(tree) }
            facts.rewrite = tree.rewrite
        }
        switch tree.rewrite.outcome {
        case .migrated:
            break
        case .alreadyMigrated:
            return stop(.alreadyMigrated, nil)
        case .notApplicable(let reason):
            return stop(.notApplicable, reason)
        case .needsAttention(let reason):
            return stop(.needsAttention, reason)
        }
        if context.dryRun {
            let diff = try point.repository.workingTreePatch()
            return RepoRun(result: facts.result(.migrated, message: "dry run: nothing was committed"), diff: diff)
        }

        if context.cancellation.isCancelled { return stop(.failed, "interrupted") }
        switch try timer.run(CommitStep.name, { try CommitStep(spec: spec, context: context).run(tree) }) {
        case .finish(let status, let message):
            return stop(status, message)
        case .next(let record):
            facts.commit = record
            return RepoRun(result: facts.result(.migrated, message: nil), patch: record.patch)
        }
    }

    /// A digest of the manifest entry, so any change to it (a rewriter's key included) redoes the repo.
    static func digest(of spec: RepoSpec) -> String {
        var entry = spec
        entry.index = 0
        entry.line = 0
        // Hashed without credentials, so not even a digest of a token is kept on disk.
        entry.url = RemoteURL(entry.url).url
        entry.review = entry.review.map { RemoteURL($0).url }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(entry)) ?? Data()
        return ObjectID.hashBlob(Array(data)).hex
    }

    /// A one-line description of an error for the report.
    /// - Parameters:
    ///   - error: the error.
    ///   - workspace: the folder a full disk is named by when the error names no file (libgit2 often does not).
    /// - Returns: the description, with no URL's credentials in it.
    static func describe(_ error: any Error, workspace: String = "the workspace's disk") -> String {
        if let error = error as? StepError {
            return "\(error.step): \(describe(error.underlying, workspace: workspace))"
        }
        if let full = FileSystemErrorText.noSpace(error, fallbackPath: workspace) { return full }
        // Messages may quote a URL (libgit2's, a step's): none may show its credentials.
        return redactingURLs(in: (error as? GitError)?.message ?? String(describing: error))
    }
}
