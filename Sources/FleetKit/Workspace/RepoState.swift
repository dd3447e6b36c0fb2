import Foundation

/// What the last run did to one repository, so the next run can skip it, redo it, or refuse to touch it.
public struct RepoState: Codable, Sendable, Equatable {
    /// The fleet version that did it.
    public var fleetVersion: String
    /// A digest of the plan it used.
    public var planDigest: String
    /// A digest of the repo's manifest entry.
    public var specDigest: String
    /// The target branch.
    public var targetBranch: String
    /// The target branch's commit the review branch was built on.
    public var baseCommit: String
    /// The review branch commit fleet made, or nil when it made none.
    public var commit: String?
    /// The review branch's tip fleet left (its commit, or its earlier commit put back when nothing new was
    /// committed); nil in state written before it was recorded, when `commit` stands for it.
    public var branchTip: String?
    /// The Change-Id of that commit.
    public var changeId: String?
    /// How the repo ended.
    public var status: RepoStatus
    /// The result recorded, so an up-to-date re-run reports the same details without redoing the work.
    public var result: RepoResult

    /// Reads the state at `url`; nil when there is none or it cannot be read (the repo is then redone).
    public static func load(from url: URL) -> RepoState? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(RepoState.self, from: data)
    }

    /// Reads the state of `name` under `plan`, falling back on where releases before plug-ins kept it when that
    /// record is of the same review branch.
    static func load(for name: String, plan: Plan, in workspace: Workspace) -> RepoState? {
        if let state = load(from: workspace.statePath(for: name, branch: plan.branch)) { return state }
        guard let legacy = load(from: workspace.legacyStatePath(for: name)), legacy.result.branch == plan.branch
        else { return nil }
        return legacy
    }

    /// Writes the state atomically, making its folder when missing.
    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(encoder.encode(self), to: url)
    }
}

/// The marker a worker leaves while it works on a repo; found at start-up only after a killed run.
struct InFlightMarker: Codable, Equatable {
    /// The review branch's tip before the worker moved it, to restore after a crash.
    var previousBranchTip: String?
    /// Whether the worker had begun writing the work tree.
    var isRewriting: Bool
}
