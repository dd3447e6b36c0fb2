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
///
/// The generic fields are fleet's; ``details`` are the rewriter's own, stored flat in the same JSON object (so the
/// `wsgi-module-paths` fields stay exactly where `fleet.summary/v1` put them). Readers that do not know the
/// rewriter keep its details as they are.
public struct RepoResult: Codable, Sendable, Equatable {
    /// The manifest name, `<namespace>/<repo>`.
    public var name: String
    /// Where the repo ended up.
    public var status: RepoStatus
    /// The project team from the manifest.
    public var team: String?
    /// The clone's absolute path.
    public var path: String
    /// The target branch.
    public var targetBranch: String?
    /// The target branch's commit the review branch starts from.
    public var baseCommit: String?
    /// The review branch.
    public var branch: String
    /// The review branch's commit, when there is one.
    public var commit: String?
    /// The commit's Change-Id.
    public var changeId: String?
    /// Whether the goal's completion criterion holds on the review branch; nil for a rewriter without one.
    public var criteriaMet: Bool?
    /// References left for a person, each with `file:line`.
    public var followUps: [FollowUp]
    /// Why the repo needs attention or failed, or a note on the outcome.
    public var message: String?
    /// How long the repo took.
    public var durationSeconds: Double
    /// Set by `fleet push`: whether the review branch is on the review remote.
    public var pushed: Bool?
    /// Set by `fleet push`: where reviewers find the change.
    public var reviewUrl: String?
    /// The paths the commit changes, sorted (`[]` when there is no commit).
    public var changedFiles: [String]
    /// The rewriter's short strings every report shows, such as module paths.
    public var highlights: [String]
    /// Seconds per pipeline step that ran, by step name.
    public var steps: [String: Double]
    /// The rewriter's own fields.
    public var details: [String: JSONValue]
    /// Set by `fleet status`: the repo's Gerrit change, or ``ReviewRecord/notFound``; nil when never asked.
    public var review: ReviewRecord?

    /// Makes a result; fields not given start empty.
    public init(
        name: String, status: RepoStatus, path: String, branch: String, team: String? = nil,
        targetBranch: String? = nil, baseCommit: String? = nil, commit: String? = nil, changeId: String? = nil,
        criteriaMet: Bool? = nil, followUps: [FollowUp] = [], message: String? = nil, durationSeconds: Double = 0,
        pushed: Bool? = nil, reviewUrl: String? = nil, changedFiles: [String] = [], highlights: [String] = [],
        steps: [String: Double] = [:], details: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.status = status
        self.team = team
        self.path = path
        self.targetBranch = targetBranch
        self.baseCommit = baseCommit
        self.branch = branch
        self.commit = commit
        self.changeId = changeId
        self.criteriaMet = criteriaMet
        self.followUps = followUps
        self.message = message
        self.durationSeconds = durationSeconds
        self.pushed = pushed
        self.reviewUrl = reviewUrl
        self.changedFiles = changedFiles
        self.highlights = highlights
        self.steps = steps
        self.details = details
    }

    /// The generic keys; every other key of a repo object is the rewriter's.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, status, team, path, targetBranch, baseCommit, branch, commit, changeId, criteriaMet
        case followUps, message, durationSeconds, pushed, reviewUrl, changedFiles, highlights, steps
        case review
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        status = try c.decode(RepoStatus.self, forKey: .status)
        team = try c.decodeIfPresent(String.self, forKey: .team)
        path = try c.decode(String.self, forKey: .path)
        targetBranch = try c.decodeIfPresent(String.self, forKey: .targetBranch)
        baseCommit = try c.decodeIfPresent(String.self, forKey: .baseCommit)
        branch = try c.decode(String.self, forKey: .branch)
        commit = try c.decodeIfPresent(String.self, forKey: .commit)
        changeId = try c.decodeIfPresent(String.self, forKey: .changeId)
        criteriaMet = try c.decodeIfPresent(Bool.self, forKey: .criteriaMet)
        followUps = try c.decodeIfPresent([FollowUp].self, forKey: .followUps) ?? []
        message = try c.decodeIfPresent(String.self, forKey: .message)
        durationSeconds = try c.decodeIfPresent(Double.self, forKey: .durationSeconds) ?? 0
        pushed = try c.decodeIfPresent(Bool.self, forKey: .pushed)
        reviewUrl = try c.decodeIfPresent(String.self, forKey: .reviewUrl)
        changedFiles = try c.decodeIfPresent([String].self, forKey: .changedFiles) ?? []
        steps = try c.decodeIfPresent([String: Double].self, forKey: .steps) ?? [:]
        review = try c.decodeIfPresent(ReviewRecord.self, forKey: .review)
        let all = try decoder.container(keyedBy: AnyCodingKey.self)
        let generic = Set(CodingKeys.allCases.map(\.stringValue))
        var details: [String: JSONValue] = [:]
        for key in all.allKeys where !generic.contains(key.stringValue) {
            details[key.stringValue] = try all.decode(JSONValue.self, forKey: key)
        }
        self.details = details
        // Summaries written before `highlights` existed were all made by the first rewriter, whose details hold them.
        highlights =
            try c.decodeIfPresent([String].self, forKey: .highlights)
            ?? RewriterRegistry.builtIn.kind(named: RewriterRegistry.legacyRewriterName)?
            .highlights(ofDetails: details) ?? []
    }

    /// Encodes every contract field, writing `null` for absent optionals as DESIGN.md section 7 shows, and the
    /// rewriter's details beside them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(team, forKey: .team)
        try c.encode(path, forKey: .path)
        try c.encode(targetBranch, forKey: .targetBranch)
        try c.encode(baseCommit, forKey: .baseCommit)
        try c.encode(branch, forKey: .branch)
        try c.encode(commit, forKey: .commit)
        try c.encode(changeId, forKey: .changeId)
        try c.encode(criteriaMet, forKey: .criteriaMet)
        try c.encode(followUps, forKey: .followUps)
        try c.encode(message, forKey: .message)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encodeIfPresent(pushed, forKey: .pushed)
        try c.encodeIfPresent(reviewUrl, forKey: .reviewUrl)
        try c.encode(changedFiles, forKey: .changedFiles)
        try c.encode(highlights, forKey: .highlights)
        try c.encode(steps, forKey: .steps)
        try c.encodeIfPresent(review, forKey: .review)
        var flat = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in details where CodingKeys(rawValue: key) == nil {
            try flat.encode(value, forKey: AnyCodingKey(key))
        }
    }
}

/// A coding key for any string: the rewriter's keys, which fleet does not know in advance.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
