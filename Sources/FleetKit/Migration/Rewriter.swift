import Foundation

/// A goal's change, as a plug-in: everything specific to one goal lives behind this protocol, and the generic layers
/// (plan, manifest, pipeline, commit message, reports, CLI) know none of its vocabulary.
///
/// A rewriter reads and validates its own plan `options:` and its own per-repository manifest keys, rewrites a folder
/// (never touching git, never reading or writing outside the folder), verifies what it wrote, and describes the
/// result: its own `Codable` details (stored flat in the repo's `summary.json` object), short highlights every
/// report shows in one column, the paragraphs it adds to the commit message, and its completion criterion.
///
/// Adding a goal is a new folder with a type conforming to this protocol, one line in
/// ``RewriterRegistry/builtIn`` and a file in `Plans/`.
public protocol Rewriter: Sendable {
    /// The plan's `options:`, decoded (missing keys take their defaults).
    associatedtype Options: Codable & Sendable & Equatable
    /// The rewriter's per-repository manifest keys, decoded from the keys of ``repositoryKeys`` a repo entry has.
    associatedtype Settings: Codable & Sendable & Equatable
    /// What the rewriter found and did in one repository, stored flat in the repo's `summary.json` object.
    associatedtype Details: Codable & Sendable & Equatable
    /// What ``verify(_:request:)`` needs to know about a rewrite, beyond its details.
    associatedtype Pending

    /// The plan's `rewriter:` value that selects this rewriter.
    static var name: String { get }
    /// The keys `options:` may hold; any other key is an error naming these.
    static var optionKeys: [String] { get }
    /// The extra keys a manifest repo entry may hold for this rewriter.
    static var repositoryKeys: [String] { get }
    /// The `{placeholder}` names a plan's commit subject may use, each with the length assumed when checking that
    /// the subject fits in 72 characters.
    static var subjectPlaceholders: [String: Int] { get }
    /// Whether the goal has a completion criterion (`criteriaMet` is then true or false, else null).
    static var hasCompletionCriterion: Bool { get }
    /// The plans this rewriter ships, compiled in: plan name → byte-for-byte copy of `Plans/<name>.yaml`.
    static var builtInPlans: [String: String] { get }
    /// How reports name the highlights column (`New module paths`) and the verb before them in `status.rst` (`adds`).
    static var presentation: RewriterPresentation { get }

    /// Validates the plan's `options:` mapping (nil when the plan has none), reporting every problem at its
    /// position, and returns the options when they are valid.
    static func readOptions(_ options: MappingReader?, sink: inout DiagnosticSink) -> Options?
    /// Validates this rewriter's keys (of ``repositoryKeys``) in one manifest repo entry, reporting every problem at
    /// its position. Called for every entry, whichever plan runs, so a manifest stays valid for every goal.
    static func checkSettings(in entry: MappingReader, sink: inout DiagnosticSink)
    /// The short strings reports show for a repo, such as the new module paths.
    static func highlights(of details: Details) -> [String]
    /// The verb `status.rst` puts before a repo's highlights (such as `adds`), or nil when the highlights (as
    /// ``highlights(of:)`` gave them) are a statement of their own (such as `entry points removed`). Reports ask it
    /// for every repo of every format, so it reads the stored highlights rather than decoding the details.
    static func highlightsVerb(for highlights: [String]) -> String?

    /// Makes the rewriter for a run.
    init(options: Options, environment: RewriterEnvironment)

    /// Analyzes and rewrites the folder of `request`. Never throws: every problem is an outcome. A
    /// `needs-attention` outcome may leave partial edits, which the caller discards.
    func rewrite(_ request: RewriteRequest<Settings>) -> Rewrite<Details, Pending>
    /// Checks a `migrated` rewrite; returns `migrated`, or `needs-attention` saying which check failed.
    func verify(_ rewrite: Rewrite<Details, Pending>, request: RewriteRequest<Settings>) -> RewriteOutcome
    /// The commit message's rewriter part for a verified rewrite.
    func commitText(for rewrite: Rewrite<Details, Pending>) -> CommitText
    /// Called once before the repos start when the run will rewrite some of them (one has no clone yet, or
    /// `--force`): a rewriter may start, in the background, what its verification needs, so no repo waits for it.
    func prepareForRewrites()
    /// Called once when the last repo is done, while the report is written: a rewriter may stop, in the background,
    /// what it started for its verification. The run waits for it before it returns.
    func finishRewrites()
}

extension Rewriter {
    /// Nothing to start ahead.
    public func prepareForRewrites() {}
    /// Nothing to stop.
    public func finishRewrites() {}
    /// No placeholders beyond the generic ones.
    public static var subjectPlaceholders: [String: Int] { [:] }
    /// Most goals have a completion criterion.
    public static var hasCompletionCriterion: Bool { true }
    /// No built-in plans.
    public static var builtInPlans: [String: String] { [:] }
    /// The rewriter's one verb for every repo.
    public static func highlightsVerb(for highlights: [String]) -> String? { presentation.highlightsVerb }
    /// No manifest keys.
    public static var repositoryKeys: [String] { [] }
    /// Nothing to check when there are no manifest keys.
    public static func checkSettings(in entry: MappingReader, sink: inout DiagnosticSink) {}
}

/// How reports present a rewriter's highlights.
public struct RewriterPresentation: Sendable, Equatable {
    /// The highlights column's heading, such as `New module paths`.
    public var highlightsTitle: String
    /// The verb `status.rst` puts before the highlights of a ready change, such as `adds`.
    public var highlightsVerb: String

    /// Makes a presentation.
    public init(highlightsTitle: String, highlightsVerb: String) {
        self.highlightsTitle = highlightsTitle
        self.highlightsVerb = highlightsVerb
    }

    /// What reports use for a rewriter they do not know.
    public static let generic = RewriterPresentation(highlightsTitle: "Highlights", highlightsVerb: "with")
}

/// What a run gives every rewriter it makes.
public struct RewriterEnvironment: Sendable {
    /// The plan file's folder (for a built-in plan, the manifest's folder).
    public var planDirectory: URL
    /// The Python interpreter verification runs.
    public var python: String
    /// Set when the run is interrupted: long work stops and child processes are killed.
    public var cancellation: CancellationFlag

    /// Makes an environment.
    public init(planDirectory: URL, python: String = "python3", cancellation: CancellationFlag = CancellationFlag()) {
        self.planDirectory = planDirectory
        self.python = python
        self.cancellation = cancellation
    }
}

/// One repository, as a rewriter sees it.
public struct RewriteRequest<Settings: Sendable>: Sendable {
    /// The clone's work tree, on the review branch.
    public var root: URL
    /// The manifest name, `<namespace>/<repo>`.
    public var projectName: String
    /// The target branch the review branch starts from.
    public var targetBranch: String
    /// The rewriter's manifest keys for this repo.
    public var settings: Settings
    /// 16 lowercase hex digits, stable for the change across re-runs (derived from its Change-Id), for file names.
    public var stableSuffix: String

    /// Makes a request.
    public init(root: URL, projectName: String, targetBranch: String, settings: Settings, stableSuffix: String) {
        self.root = root
        self.projectName = projectName
        self.targetBranch = targetBranch
        self.settings = settings
        self.stableSuffix = stableSuffix
    }
}

/// The verdict a rewriter reaches for one repository.
public enum RewriteOutcome: Sendable, Equatable {
    /// Files were written (and, after verification, checked); the tree is ready to commit.
    case migrated
    /// The goal's completion criterion already holds and nothing is left to do; nothing written.
    case alreadyMigrated
    /// The goal does not concern this repository; nothing written.
    case notApplicable(reason: String)
    /// A person must look; the reason names `file:line` where it can. Nothing is committed.
    case needsAttention(reason: String)
}

/// What a rewriter found and did in one repository.
public struct Rewrite<Details, Pending> {
    /// The verdict.
    public var outcome: RewriteOutcome
    /// The rewriter's own details, when it got far enough to have any.
    public var details: Details?
    /// References left for a person, each with `file:line`.
    public var followUps: [FollowUp]
    /// Whether the goal's completion criterion holds afterwards; nil for a rewriter that has none.
    public var criteriaMet: Bool?
    /// Every path created, edited, moved or deleted, relative to the root.
    public var changedPaths: [String]
    /// Values for the plan subject's `{placeholders}`.
    public var placeholders: [String: String]
    /// What verification needs, for a `migrated` rewrite.
    public var pending: Pending?

    /// Makes a rewrite.
    public init(
        outcome: RewriteOutcome, details: Details? = nil, followUps: [FollowUp] = [], criteriaMet: Bool? = nil,
        changedPaths: [String] = [], placeholders: [String: String] = [:], pending: Pending? = nil
    ) {
        self.outcome = outcome
        self.details = details
        self.followUps = followUps
        self.criteriaMet = criteriaMet
        self.changedPaths = changedPaths
        self.placeholders = placeholders
        self.pending = pending
    }
}

/// A rewriter's part of a commit message.
public struct CommitText: Sendable, Equatable {
    /// A subject that replaces the plan's template (for a change the template does not describe), or nil.
    public var subject: String?
    /// An opening paragraph that replaces the plan's body (for a change the body does not describe), or nil.
    public var body: String?
    /// Paragraphs after the plan's body, each already wrapped at 72 columns.
    public var paragraphs: [String]

    /// Makes commit text.
    public init(subject: String? = nil, body: String? = nil, paragraphs: [String]) {
        self.subject = subject
        self.body = body
        self.paragraphs = paragraphs
    }
}

/// The settings of a rewriter that reads no manifest keys.
public struct NoSettings: Codable, Sendable, Equatable {
    /// Makes the (empty) settings.
    public init() {}
}
