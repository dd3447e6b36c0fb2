import Foundation
import GitKit
import Synchronization

/// What every worker of one run shares: the plan, the workspace and the run's switches.
///
/// Immutable and `Sendable`.
public struct RunContext: Sendable {
    /// The plan the run applies.
    public var plan: Plan
    /// A digest of the plan, recorded in state so a changed plan redoes the repos.
    public var planDigest: String
    /// The workspace.
    public var workspace: Workspace
    /// The rewriter the plan names, made with the plan's options.
    public var rewriter: AnyRewriter
    /// Redo repos that are up to date.
    public var force: Bool
    /// Analyze and show the diff; write no branch and no commit.
    public var dryRun: Bool
    /// Set once the run is interrupted: workers stop and transfers abort.
    public var cancellation: CancellationFlag
    /// Receives progress events; called from worker threads.
    public var events: @Sendable (ProgressEvent) -> Void
    /// The identity commits are made with when git has none (`fleet demo`'s); nil means such a repo fails.
    public var fallbackIdentity: Signature?

    /// Makes a run context.
    public init(
        plan: Plan, workspace: Workspace, rewriter: AnyRewriter, force: Bool = false, dryRun: Bool = false,
        cancellation: CancellationFlag = CancellationFlag(),
        events: @escaping @Sendable (ProgressEvent) -> Void = { _ in },
        fallbackIdentity: Signature? = nil
    ) {
        self.plan = plan
        self.planDigest = Self.digest(of: plan)
        self.workspace = workspace
        self.rewriter = rewriter
        self.force = force
        self.dryRun = dryRun
        self.cancellation = cancellation
        self.events = events
        self.fallbackIdentity = fallbackIdentity
    }

    /// A stable digest of a plan's content.
    static func digest(of plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(plan)) ?? Data()
        return ObjectID.hashBlob(Array(data)).hex
    }
}

/// A flag any thread may set once and every thread may read: the run's interruption.
public final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// Makes an unset flag.
    public init() {}

    /// Whether the run was interrupted.
    public var isCancelled: Bool { value.load(ordering: .relaxed) }

    /// Interrupts the run.
    public func cancel() { value.store(true, ordering: .relaxed) }
}

/// Progress of the run, sent from workers to the one reporter.
public enum ProgressEvent: Sendable {
    /// A worker took up the repo.
    case started(name: String)
    /// The repo entered a pipeline step.
    case step(name: String, step: String)
    /// Objects are arriving for the repo's clone or fetch.
    case transfer(name: String, percent: Int)
    /// The repo is done.
    case finished(RepoResult)
}
