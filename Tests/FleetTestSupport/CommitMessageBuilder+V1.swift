import FleetKit

extension CommitMessageBuilder {
    /// The message the pipeline builds for a `wsgi-module-paths` result, as the first release's builder took it.
    public static func message(plan: Plan, result: RepoResult, signedOffBy: String?) -> String {
        message(plan: plan, change: draft(plan: plan, result: result), signedOffBy: signedOffBy)
    }

    /// The subject the pipeline builds for a `wsgi-module-paths` result.
    public static func subject(plan: Plan, result: RepoResult) -> String {
        subject(plan: plan, change: draft(plan: plan, result: result))
    }

    private static func draft(plan: Plan, result: RepoResult) -> CommitDraft {
        let details = result.wsgi ?? WSGIDetails()
        let text = WSGIModulePathsRewriter(options: plan.wsgiOptions).commitText(
            details: details, followUps: result.followUps)
        let repo = result.name.split(separator: "/").last.map(String.init) ?? result.name
        return CommitDraft(
            name: result.name, targetBranch: result.targetBranch ?? "", changeId: result.changeId,
            placeholders: ["package": details.package ?? repo.replacingOccurrences(of: "-", with: "_")], text: text)
    }
}

extension Plan {
    /// The plan's options read as the `wsgi-module-paths` rewriter's.
    public var wsgiOptions: MigrationOptions {
        get { (try? options.decode(as: MigrationOptions.self)) ?? MigrationOptions() }
        set { options = (try? JSONValue.encoding(newValue)) ?? options }
    }
}

extension Plan {
    /// A `wsgi-module-paths` plan made as the first release made one (named after the goal's built-in plan).
    public init(
        goal: String, goalURL: String, topic: String, branch: String, rewriter: String, options: MigrationOptions,
        commit: Commit
    ) {
        self.init(
            name: "remove-wsgi_scripts", goal: goal, goalURL: goalURL, topic: topic, branch: branch,
            rewriter: rewriter, options: (try? JSONValue.encoding(options)) ?? .object([:]), commit: commit)
    }
}
