/// What the `wsgi-module-paths` rewriter found and did in one repository.
public struct MigrationReport: Sendable, Equatable {
    /// The verdict for the repository (a `needs-attention` tree may hold partial edits, which the caller discards).
    public typealias Outcome = RewriteOutcome

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
