import Foundation

/// One repository of a manifest, with defaults applied.
public struct RepoSpec: Sendable, Equatable {
    /// `<namespace>/<repo>`, unique in the manifest.
    public var name: String
    /// Where to clone from: any git URL, `file://` URL or local path.
    public var url: String
    /// The target branch; nil means `.gitreview`'s `defaultbranch`, else the remote HEAD.
    public var branch: String?
    /// The import package, overriding discovery.
    public var package: String?
    /// The project team, grouping the report.
    public var team: String?
    /// The review remote (Gerrit) URL, overriding `.gitreview`.
    public var review: String?
    /// Script name → server module choice.
    public var servers: [String: ServerChoice]
    /// The zero-based position in the manifest (used by `--shard`).
    public var index: Int
    /// The 1-based line of the entry in the manifest file, for messages.
    public var line: Int

    /// Makes a repo spec.
    public init(
        name: String, url: String, branch: String? = nil, package: String? = nil, team: String? = nil,
        review: String? = nil, servers: [String: ServerChoice] = [:], index: Int = 0, line: Int = 0
    ) {
        self.name = name
        self.url = url
        self.branch = branch
        self.package = package
        self.team = team
        self.review = review
        self.servers = servers
        self.index = index
        self.line = line
    }
}

/// A loaded, validated manifest: the repositories of a run and the plan they get.
public struct Manifest: Sendable, Equatable {
    /// The manifest file.
    public var file: URL
    /// The `plan:` value as written (a built-in plan name or a path).
    public var planReference: String
    /// The loaded plan.
    public var plan: Plan
    /// The repositories, in manifest order.
    public var repos: [RepoSpec]

    /// Makes a manifest.
    public init(file: URL, planReference: String, plan: Plan, repos: [RepoSpec]) {
        self.file = file
        self.planReference = planReference
        self.plan = plan
        self.repos = repos
    }
}
