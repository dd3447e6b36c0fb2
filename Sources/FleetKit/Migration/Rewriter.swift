import Foundation

/// What the manifest says about one script: the server module name to use, or to drop the script.
public enum ServerChoice: Sendable, Equatable, Hashable {
    /// Use this server module name (a Python identifier).
    case name(String)
    /// Make no module for this script (with `entry_points: remove`, its entry point goes too).
    case skip
}

/// The input of a rewriter for one repository.
public struct MigrationRequest: Sendable, Equatable {
    /// The manifest name, `<namespace>/<repo>`, such as `openstack/freezer-api`.
    public var projectName: String
    /// The import package from the manifest, overriding discovery.
    public var package: String?
    /// Script name → server choice, from the manifest's `servers:` map.
    public var servers: [String: ServerChoice]
    /// The plan's rewriter options.
    public var options: MigrationOptions
    /// 16 lowercase hex digits for the release note's file name; stable per change so re-runs make the same file.
    public var noteSuffix: String

    /// Makes a request.
    public init(
        projectName: String, package: String? = nil, servers: [String: ServerChoice] = [:],
        options: MigrationOptions = MigrationOptions(), noteSuffix: String
    ) {
        self.projectName = projectName
        self.package = package
        self.servers = servers
        self.options = options
        self.noteSuffix = noteSuffix
    }
}

/// What a rewriter found and did in one repository.
public struct MigrationReport: Sendable, Equatable {
    /// The verdict for the repository.
    public enum Outcome: Sendable, Equatable {
        /// Files were written and verified; the tree is ready to commit.
        case migrated
        /// The goal's completion criterion already holds and the entry-point policy is met; nothing written.
        case alreadyMigrated
        /// Nothing declares `wsgi_scripts` and no `<pkg>.wsgi` module exists; nothing written.
        case notApplicable(reason: String)
        /// A person must look; the reason names `file:line` where it can. The tree may hold partial edits
        /// (the caller discards them), and nothing is committed.
        case needsAttention(reason: String)
    }

    /// The verdict.
    public var outcome: Outcome
    /// The import package, when found.
    public var package: String?
    /// The scripts and their new modules (also for `alreadyMigrated`, when they can be told).
    public var servers: [ServerMigration]
    /// Whether the `wsgi_scripts` entry points were removed from `setup.cfg`.
    public var entryPointsRemoved: Bool
    /// The scripts whose entry points were removed.
    public var removedScripts: [String]
    /// The release note written, relative to the root.
    public var releaseNote: String?
    /// References left for a person, each with `file:line`.
    public var followUps: [FollowUp]
    /// Whether a `<pkg>.wsgi.<server>` module (or `<pkg>.wsgi` package) defining `application` exists afterwards.
    public var criteriaMet: Bool
    /// Every path created, edited, moved or deleted, relative to the root.
    public var changedPaths: [String]

    /// Makes a report.
    public init(
        outcome: Outcome, package: String? = nil, servers: [ServerMigration] = [], entryPointsRemoved: Bool = false,
        removedScripts: [String] = [], releaseNote: String? = nil, followUps: [FollowUp] = [],
        criteriaMet: Bool = false, changedPaths: [String] = []
    ) {
        self.outcome = outcome
        self.package = package
        self.servers = servers
        self.entryPointsRemoved = entryPointsRemoved
        self.removedScripts = removedScripts
        self.releaseNote = releaseNote
        self.followUps = followUps
        self.criteriaMet = criteriaMet
        self.changedPaths = changedPaths
    }
}

/// A goal's change, as a pure transformation of a folder: it never touches git.
///
/// `migrate` analyzes, rewrites and verifies in one go, and never throws: every problem becomes an outcome.
/// It must not read or write anything outside `root` (symlinks leading out of it are refused).
public protocol Rewriter: Sendable {
    /// The plan's `rewriter:` value that selects this rewriter.
    static var name: String { get }
    /// Analyzes, rewrites and verifies the tree at `root`.
    func migrate(root: URL, request: MigrationRequest) -> MigrationReport
}
