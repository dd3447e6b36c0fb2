/// One WSGI script and the module that replaces it.
public struct ServerMigration: Codable, Sendable, Equatable {
    /// The `wsgi_scripts` entry name, such as `nova-api-wsgi`.
    public var script: String
    /// The entry point target, `module.path:callable`.
    public var target: String
    /// The new module path, such as `nova.wsgi.osapi_compute`.
    public var module: String
    /// The new module's file, relative to the repository root.
    public var file: String

    /// Makes a server migration record.
    public init(script: String, target: String, module: String, file: String) {
        self.script = script
        self.target = target
        self.module = module
        self.file = file
    }
}

/// A reference fleet found and did not rewrite, for a person to follow up.
public struct FollowUp: Codable, Sendable, Equatable, Hashable {
    /// The file, relative to the repository root.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// Why it matters, as a short sentence fragment.
    public var reason: String

    /// Makes a follow-up.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}

/// Everything a run learned and did for one repository: the `repos[]` entry of `summary.json`.
public struct RepoResult: Codable, Sendable, Equatable {
    public var name: String
    public var status: RepoStatus
    public var package: String?
    public var team: String?
    public var path: String
    public var targetBranch: String?
    public var baseCommit: String?
    public var branch: String
    public var commit: String?
    public var changeId: String?
    public var criteriaMet: Bool
    public var servers: [ServerMigration]
    public var entryPointsRemoved: Bool
    public var releaseNote: String?
    public var followUps: [FollowUp]
    public var message: String?
    public var durationSeconds: Double
    /// Set by `fleet push`: whether the review branch is on the review remote.
    public var pushed: Bool?
    /// Set by `fleet push`: where reviewers find the change.
    public var reviewUrl: String?

    /// Makes a result; fields not given start empty.
    public init(
        name: String, status: RepoStatus, path: String, branch: String, package: String? = nil, team: String? = nil,
        targetBranch: String? = nil, baseCommit: String? = nil, commit: String? = nil, changeId: String? = nil,
        criteriaMet: Bool = false, servers: [ServerMigration] = [], entryPointsRemoved: Bool = false,
        releaseNote: String? = nil, followUps: [FollowUp] = [], message: String? = nil, durationSeconds: Double = 0,
        pushed: Bool? = nil, reviewUrl: String? = nil
    ) {
        self.name = name
        self.status = status
        self.package = package
        self.team = team
        self.path = path
        self.targetBranch = targetBranch
        self.baseCommit = baseCommit
        self.branch = branch
        self.commit = commit
        self.changeId = changeId
        self.criteriaMet = criteriaMet
        self.servers = servers
        self.entryPointsRemoved = entryPointsRemoved
        self.releaseNote = releaseNote
        self.followUps = followUps
        self.message = message
        self.durationSeconds = durationSeconds
        self.pushed = pushed
        self.reviewUrl = reviewUrl
    }

    private enum CodingKeys: String, CodingKey {
        case name, status, package, team, path, targetBranch, baseCommit, branch, commit, changeId, criteriaMet
        case servers, entryPointsRemoved, releaseNote, followUps, message, durationSeconds, pushed, reviewUrl
    }

    /// Encodes every contract field, writing `null` for absent optionals as DESIGN.md section 7 shows.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(package, forKey: .package)
        try c.encode(team, forKey: .team)
        try c.encode(path, forKey: .path)
        try c.encode(targetBranch, forKey: .targetBranch)
        try c.encode(baseCommit, forKey: .baseCommit)
        try c.encode(branch, forKey: .branch)
        try c.encode(commit, forKey: .commit)
        try c.encode(changeId, forKey: .changeId)
        try c.encode(criteriaMet, forKey: .criteriaMet)
        try c.encode(servers, forKey: .servers)
        try c.encode(entryPointsRemoved, forKey: .entryPointsRemoved)
        try c.encode(releaseNote, forKey: .releaseNote)
        try c.encode(followUps, forKey: .followUps)
        try c.encode(message, forKey: .message)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encodeIfPresent(pushed, forKey: .pushed)
        try c.encodeIfPresent(reviewUrl, forKey: .reviewUrl)
    }
}
