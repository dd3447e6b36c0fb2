import Foundation

/// The folder where fleet keeps its clones, per-repo state and (by default) the report.
///
/// ```
/// <root>/repos/<namespace>/<repo>     one clone per repo (renamed into place only when complete)
/// <root>/state/<branch>/<namespace>__<repo>.json   what the last run of a plan did, by its review branch (RepoState; see flatName(_:))
/// <root>/tmp/                         clones in progress; anything here at start-up is a killed run's leftover
/// <root>/report/                      the default report folder
/// ```
public struct Workspace: Sendable {
    /// The workspace folder.
    public let root: URL

    /// Makes a workspace at `root`; nothing is created until ``prepare()``.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The default workspace of a manifest: `.fleet/` beside it.
    public static func defaultRoot(for manifest: URL) -> URL {
        manifest.deletingLastPathComponent().appendingPathComponent(".fleet", isDirectory: true)
    }

    /// Where the clone of `name` (`<namespace>/<repo>`) lives.
    public func clonePath(for name: String) -> URL {
        root.appendingPathComponent("repos", isDirectory: true).appendingPathComponent(name, isDirectory: true)
    }

    /// Whether the clone of `name` is there (made by an earlier run).
    public func hasClone(for name: String) -> Bool {
        FileManager.default.fileExists(atPath: clonePath(for: name).path)
    }

    /// Where the state of `name` is recorded for the plan whose review branch is `branch`.
    ///
    /// Each plan has its own (keyed by its branch, which two plans cannot share without sharing commits), so running
    /// one plan never makes another plan's repos look changed or up to date.
    public func statePath(for name: String, branch: String) -> URL {
        stateFolder(branch: branch).appendingPathComponent(Self.flatName(name) + ".json")
    }

    /// Where releases before plug-ins recorded the state of `name` (they ran one plan only).
    func legacyStatePath(for name: String) -> URL {
        root.appendingPathComponent("state", isDirectory: true).appendingPathComponent(Self.flatName(name) + ".json")
    }

    /// Where releases before plug-ins wrote the in-flight marker of `name`.
    func legacyInFlightPath(for name: String) -> URL {
        root.appendingPathComponent("state", isDirectory: true).appendingPathComponent(
            Self.flatName(name) + ".inflight")
    }

    /// The marker that says a worker was busy with `name` for the plan of `branch`; found at start-up only after a
    /// killed run.
    public func inFlightPath(for name: String, branch: String) -> URL {
        stateFolder(branch: branch).appendingPathComponent(Self.flatName(name) + ".inflight")
    }

    /// The folder of the per-repo state of the plan whose review branch is `branch` (`/` and `%` escaped).
    func stateFolder(branch: String) -> URL {
        let folder = branch.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
        return root.appendingPathComponent("state", isDirectory: true).appendingPathComponent(folder, isDirectory: true)
    }

    /// The folder for clones in progress.
    public var temporaryFolder: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    /// The default report folder.
    public var defaultReportFolder: URL { root.appendingPathComponent("report", isDirectory: true) }

    /// The default report folder of a run of `manifest`: `report/` for its own plan, `report-<plan>/` for a plan
    /// given with `--plan`, so one goal's run never overwrites another goal's report.
    public func defaultReportFolder(for manifest: Manifest) -> URL {
        manifest.usesOwnPlan
            ? defaultReportFolder : root.appendingPathComponent("report-\(manifest.plan.name)", isDirectory: true)
    }

    /// `openstack/nova` → `openstack__nova`, for flat file names (state, in-flight markers, patches).
    ///
    /// One name, one flat name: `a__b/c` and `a/b__c` would both be `a__b__c`, so a name whose flat form could
    /// be read two ways (a `__` in a segment, or a `_` touching the `/`) has each of its own `_` written `%5F`.
    /// Repository names never hold `%`, so an escaped flat name cannot equal a plain one, and a plain one holds
    /// exactly one run of underscores longer than one: its separator.
    public static func flatName(_ name: String) -> String {
        guard let slash = name.firstIndex(of: "/") else { return name }
        let namespace = name[..<slash]
        let repo = name[name.index(after: slash)...]
        let isAmbiguous =
            namespace.contains("__") || repo.contains("__") || namespace.hasSuffix("_") || repo.hasPrefix("_")
        guard isAmbiguous else { return namespace + "__" + repo }
        func escaped(_ segment: Substring) -> String { segment.replacingOccurrences(of: "_", with: "%5F") }
        return escaped(namespace) + "__" + escaped(repo)
    }

    /// Creates the folders and removes the leftovers of a killed run's unfinished clones.
    public func prepare() throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: temporaryFolder.path) {
            try manager.removeItem(at: temporaryFolder)
        }
        for folder in ["repos", "state", "tmp"] {
            try manager.createDirectory(
                at: root.appendingPathComponent(folder, isDirectory: true), withIntermediateDirectories: true)
        }
    }
}
