import Foundation
import GitKit

/// One worker's state for one repository, passed from step to step.
///
/// Owned by a single worker thread; it holds the libgit2 `Repository`, so it is deliberately not `Sendable`.
final class RepoJob {
    let spec: RepoSpec
    let context: RunContext
    let clonePath: URL
    let started = Date()

    /// Whether a killed run left this repo in flight (its marker was found at start).
    var wasInterrupted = false
    var repository: Repository?
    var state: RepoState?
    var targetBranch: String?
    var base: ObjectID?
    /// The review branch tip before this run touched it, when it existed and was fleet's.
    var previousTip: ObjectID?
    var changeId: String?
    var report: MigrationReport?
    var commit: ObjectID?
    var patch: String?

    init(spec: RepoSpec, context: RunContext) {
        self.spec = spec
        self.context = context
        self.clonePath = context.workspace.clonePath(for: spec.name)
    }

    var branch: String { context.plan.branch }

    /// The open clone; steps after `SyncStep` may rely on it.
    func openRepository() throws -> Repository {
        guard let repository else { throw FleetError.internal("the clone of \(spec.name) is not open") }
        return repository
    }

    /// The remote options for this repo's transfers: progress events and run cancellation.
    var remoteOptions: RemoteOptions {
        let name = spec.name
        let events = context.events
        let cancellation = context.cancellation
        return RemoteOptions(
            credentials: Credentials.from(url: spec.url),
            progress: { events(.transfer(name: name, percent: $0.percent)) },
            isCancelled: { cancellation.isCancelled })
    }

    /// A result carrying what is known so far, with the given verdict.
    func result(_ status: RepoStatus, message: String? = nil) -> RepoResult {
        let report = report
        return RepoResult(
            name: spec.name, status: status, path: clonePath.path, branch: branch,
            package: report?.package ?? spec.package, team: spec.team, targetBranch: targetBranch,
            baseCommit: base?.hex, commit: commit?.hex, changeId: commit == nil ? nil : changeId,
            criteriaMet: report?.criteriaMet ?? false, servers: report?.servers ?? [],
            entryPointsRemoved: report?.entryPointsRemoved ?? false, releaseNote: report?.releaseNote,
            followUps: report?.followUps ?? [], message: message,
            durationSeconds: Date().timeIntervalSince(started))
    }
}

/// What a step decided: go on to the next step, or stop here with a result.
enum StepOutcome {
    case next
    case finish(RepoResult)
}

/// One stage of a repo's pipeline. Steps run in a fixed order (see ``RepoPipeline``).
protocol PipelineStep: Sendable {
    /// The step's name, shown in progress and in failure messages.
    static var name: String { get }
    /// Runs the step; throwing makes the repo `failed` with the error.
    func run(_ job: RepoJob) throws -> StepOutcome
}
