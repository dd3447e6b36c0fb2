/// What a commit message is built from, besides the plan: the repository and the rewriter's part.
public struct CommitDraft: Sendable, Equatable {
    /// The manifest name, `<namespace>/<repo>`.
    public var name: String
    /// The target branch.
    public var targetBranch: String
    /// The Change-Id to write; nil means the stable one from ``ChangeID/make(project:targetBranch:topic:)``.
    public var changeId: String?
    /// Values for the plan subject's and body's `{placeholders}`.
    public var placeholders: [String: String]
    /// The rewriter's subject (when it replaces the plan's) and paragraphs.
    public var text: CommitText

    /// Makes a draft.
    public init(
        name: String, targetBranch: String, changeId: String? = nil, placeholders: [String: String] = [:],
        text: CommitText = CommitText(paragraphs: [])
    ) {
        self.name = name
        self.targetBranch = targetBranch
        self.changeId = changeId
        self.placeholders = placeholders
        self.text = text
    }
}
