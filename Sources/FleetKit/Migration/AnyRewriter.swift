import Foundation

/// A rewriter made for a run, with its types erased: what the pipeline holds.
public struct AnyRewriter: Sendable {
    /// The rewriter's name.
    public let name: String
    /// Whether the goal has a completion criterion.
    public let hasCompletionCriterion: Bool
    private let run: @Sendable (RewriteRequest<[String: JSONValue]>) -> PreparedRewrite
    private let prepare: @Sendable () -> Void
    private let finish: @Sendable () -> Void

    /// Wraps `rewriter`.
    public init<R: Rewriter>(_ rewriter: R) {
        name = R.name
        hasCompletionCriterion = R.hasCompletionCriterion
        prepare = { rewriter.prepareForRewrites() }
        finish = { rewriter.finishRewrites() }
        run = { request in
            let settings: R.Settings
            do {
                settings = try JSONValue.object(request.settings).decode(as: R.Settings.self)
            } catch {
                return PreparedRewrite(
                    outcome: .needsAttention(reason: "the manifest keys for \(R.name) cannot be read: \(error)"))
            }
            let typed = RewriteRequest(
                root: request.root, projectName: request.projectName, targetBranch: request.targetBranch,
                settings: settings, stableSuffix: request.stableSuffix)
            return PreparedRewrite(rewriter, rewriter.rewrite(typed), request: typed)
        }
    }

    /// Lets the rewriter start ahead what its verification needs (see ``Rewriter/prepareForRewrites()``).
    public func prepareForRewrites() {
        prepare()
    }

    /// Lets the rewriter stop what its verification started (see ``Rewriter/finishRewrites()``).
    public func finishRewrites() {
        finish()
    }

    /// Analyzes and rewrites one repository's folder; `request.settings` holds the repo entry's extra keys.
    public func rewrite(_ request: RewriteRequest<[String: JSONValue]>) -> PreparedRewrite {
        run(request)
    }
}

/// A rewrite as the pipeline holds it between the rewrite, verify and commit steps: the generic result, the
/// details as JSON, and the rewriter's verification and commit text behind closures.
///
/// Confined to the worker that made it (its closures hold the rewriter's pending state).
public struct PreparedRewrite {
    /// The verdict so far; verification may turn `migrated` into `needs-attention`.
    public var outcome: RewriteOutcome
    /// The rewriter's details, flat.
    public var details: [String: JSONValue]
    /// Short strings every report shows.
    public var highlights: [String]
    /// References left for a person.
    public var followUps: [FollowUp]
    /// Whether the completion criterion holds; nil when the rewriter has none.
    public var criteriaMet: Bool?
    /// Every path the rewriter changed, relative to the root.
    public var changedPaths: [String]
    /// Values for the plan subject's placeholders.
    public var placeholders: [String: String]
    private let verifyWork: () -> RewriteOutcome
    private let commitTextWork: ([String]?) -> CommitText

    init<R: Rewriter>(_ rewriter: R, _ rewrite: Rewrite<R.Details, R.Pending>, request: RewriteRequest<R.Settings>) {
        outcome = rewrite.outcome
        details = rewrite.details.flatMap { try? JSONValue.encoding($0).members } ?? [:]
        highlights = rewrite.details.map(R.highlights(of:)) ?? []
        followUps = rewrite.followUps
        criteriaMet = rewrite.criteriaMet
        changedPaths = rewrite.changedPaths
        placeholders = rewrite.placeholders
        verifyWork = { rewriter.verify(rewrite, request: request) }
        commitTextWork = { committedPaths in
            var committed = rewrite
            if let committedPaths { committed.changedPaths = committedPaths }
            return rewriter.commitText(for: committed)
        }
    }

    init(outcome: RewriteOutcome) {
        self.outcome = outcome
        details = [:]
        highlights = []
        followUps = []
        criteriaMet = nil
        changedPaths = []
        placeholders = [:]
        verifyWork = { outcome }
        commitTextWork = { _ in CommitText(paragraphs: []) }
    }

    /// Runs the rewriter's verification of a `migrated` rewrite.
    public func verify() -> RewriteOutcome {
        outcome == .migrated ? verifyWork() : outcome
    }

    /// The rewriter's part of the commit message.
    /// - Parameter committedPaths: the changed paths git commits (the rewriter's, less those git ignores); the
    ///   rewriter's ``Rewriter/commitText(for:)`` sees them as the rewrite's `changedPaths`.
    /// - Returns: the rewriter's subject, if any, and its paragraphs.
    public func commitText(committedPaths: [String]? = nil) -> CommitText {
        commitTextWork(committedPaths)
    }
}
