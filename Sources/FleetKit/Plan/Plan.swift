/// A goal plan: what change a run makes, its topic, review branch, commit template and rewriter options.
///
/// Read from `Plans/<name>.yaml` (or a built-in copy of it, see ``BuiltInPlans``).
public struct Plan: Codable, Sendable, Equatable {
    /// The commit template.
    public struct Commit: Codable, Sendable, Equatable {
        /// The subject line; the rewriter's `{placeholders}` (such as `{package}`) are filled per repo.
        ///
        /// At most 72 characters once filled.
        public var subject: String
        /// The opening paragraph(s) of the body, before fleet's per-repo details.
        public var body: String
        /// The trailer that names the Gerrit topic, such as `Topic`.
        public var topicTrailer: String
        /// Whether to add a `Signed-off-by:` trailer (the DCO OpenStack uses).
        public var signedOffBy: Bool

        enum CodingKeys: String, CodingKey {
            case subject, body
            case topicTrailer = "topic_trailer"
            case signedOffBy = "signed_off_by"
        }

        /// Makes a commit template.
        public init(subject: String, body: String, topicTrailer: String = "Topic", signedOffBy: Bool = true) {
            self.subject = subject
            self.body = body
            self.topicTrailer = topicTrailer
            self.signedOffBy = signedOffBy
        }
    }

    /// The plan's name: a built-in plan's name, or the plan file's name without `.yaml`.
    public var name: String
    /// The goal's title.
    public var goal: String
    /// The goal document's URL.
    public var goalURL: String
    /// The Gerrit topic.
    public var topic: String
    /// The review branch made in every clone.
    public var branch: String
    /// The rewriter that makes the change (see ``RewriterRegistry``).
    public var rewriter: String
    /// The rewriter's options, as the rewriter decoded them (defaults filled in).
    public var options: JSONValue
    /// The commit template.
    public var commit: Commit

    enum CodingKeys: String, CodingKey {
        case name, goal
        case goalURL = "goal_url"
        case topic, branch, rewriter, options, commit
    }

    /// Makes a plan.
    public init(
        name: String, goal: String, goalURL: String, topic: String, branch: String, rewriter: String,
        options: JSONValue = .object([:]), commit: Commit
    ) {
        self.name = name
        self.goal = goal
        self.goalURL = goalURL
        self.topic = topic
        self.branch = branch
        self.rewriter = rewriter
        self.options = options
        self.commit = commit
    }
}
