import Foundation

/// One repository of a manifest, with defaults applied.
public struct RepoSpec: Sendable, Equatable, Codable {
    /// `<namespace>/<repo>`, unique in the manifest.
    public var name: String
    /// Where to clone from: any git URL, `file://` URL or local path.
    public var url: String
    /// The target branch; nil means `.gitreview`'s `defaultbranch`, else the remote HEAD.
    public var branch: String?
    /// The project team, grouping the report.
    public var team: String?
    /// The review remote (Gerrit) URL, overriding `.gitreview`.
    public var review: String?
    /// The entry's keys that belong to rewriters (such as `package` and `servers`), as written.
    public var settings: [String: JSONValue]
    /// The Gerrit REST base URL for `fleet status` (`gerrit:`, else `defaults.gerrit`), ending with `/`.
    public var gerrit: String?
    /// The zero-based position in the manifest (used by `--shard`).
    public var index: Int
    /// The 1-based line of the entry in the manifest file, for messages.
    public var line: Int

    /// Makes a repo spec.
    public init(
        name: String, url: String, branch: String? = nil, team: String? = nil, review: String? = nil,
        gerrit: String? = nil, settings: [String: JSONValue] = [:], index: Int = 0, line: Int = 0
    ) {
        self.name = name
        self.url = url
        self.branch = branch
        self.team = team
        self.review = review
        self.settings = settings
        self.gerrit = gerrit
        self.index = index
        self.line = line
    }
}

/// A loaded, validated manifest: the repositories of a run and the plan they get.
public struct Manifest: Sendable, Equatable {
    /// The manifest file.
    public var file: URL
    /// The `plan:` value as written (a built-in plan name or a path), or the `--plan` that replaced it.
    public var planReference: String
    /// The loaded plan.
    public var plan: Plan
    /// The folder the plan's commands find their files in: the plan file's folder, or for a built-in plan the
    /// manifest's.
    public var planDirectory: URL
    /// The repositories, in manifest order.
    public var repos: [RepoSpec]
    /// Whether the plan is the manifest's own (`plan:`), not one given with `--plan`.
    public var usesOwnPlan = true

    /// Makes a manifest.
    public init(file: URL, planReference: String, plan: Plan, planDirectory: URL? = nil, repos: [RepoSpec]) {
        self.file = file
        self.planReference = planReference
        self.plan = plan
        self.planDirectory = planDirectory ?? file.deletingLastPathComponent()
        self.repos = repos
    }
}
