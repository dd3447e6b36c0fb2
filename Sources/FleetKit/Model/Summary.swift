import Foundation

/// The whole run's results: the `summary.json` machine contract (`fleet.summary/v1`).
public struct Summary: Codable, Sendable, Equatable {
    /// The schema identifier other tools check.
    public static let schemaIdentifier = "fleet.summary/v1"

    /// `fleet.summary/v1`.
    public var schema: String
    /// The plan's name (a built-in name or the plan file's name); nil in summaries older than plug-ins.
    public var plan: String?
    /// The rewriter's name; nil in summaries older than plug-ins (which were all `wsgi-module-paths`).
    public var rewriter: String?
    /// The goal's title.
    public var goal: String
    /// The Gerrit topic.
    public var topic: String
    /// When the run started, ISO-8601.
    public var started: String
    /// How long the run took.
    public var durationSeconds: Double
    /// Counts per status, and `repos`; `reviews` once `fleet status` ran.
    public var totals: SummaryTotals
    /// One result per repo, in manifest order.
    public var repos: [RepoResult]

    /// Makes a summary, computing `totals` from `repos`.
    public init(
        plan: String? = nil, rewriter: String? = nil, goal: String, topic: String, started: Date,
        durationSeconds: Double, repos: [RepoResult]
    ) {
        self.schema = Self.schemaIdentifier
        self.plan = plan
        self.rewriter = rewriter
        self.goal = goal
        self.topic = topic
        self.started = Self.timestamp(started)
        self.durationSeconds = durationSeconds
        self.repos = repos
        self.totals = Self.totals(of: repos)
    }

    /// Counts per status, with every status present and `repos` holding the total, plus `reviews` once any repo
    /// has a recorded review.
    public static func totals(of repos: [RepoResult]) -> SummaryTotals {
        var counts = ["repos": repos.count]
        for status in RepoStatus.allCases {
            counts[status.rawValue] = repos.count { $0.status == status }
        }
        return SummaryTotals(counts: counts, reviews: ReviewTotals(of: repos))
    }

    /// Whether every repository ended in a success status.
    public var isSuccess: Bool { repos.allSatisfy(\.status.isSuccess) }

    /// An ISO-8601 UTC timestamp with seconds, `2026-11-30T10:12:13Z`.
    ///
    /// Through `Date.ISO8601FormatStyle`, not `ISO8601DateFormatter`: the same text, without the ICU calendar the
    /// formatter sets up (70 µs a formatter, 2 ms the first time, at the end of every run).
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// The moment an ISO-8601 timestamp (as ``timestamp(_:)`` writes it, or with an offset) names; nil for other text.
    public static func date(fromTimestamp text: String) -> Date? {
        try? Date.ISO8601FormatStyle().parse(text)
    }

    /// The JSON text, keys sorted for stable diffs, slashes unescaped.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// How reports present this summary's highlights: its rewriter's way, or the generic one.
    public var presentation: RewriterPresentation {
        rewriterKind?.presentation ?? .generic
    }

    /// The verb `status.rst` puts before `repo`'s highlights, or nil when they are a statement of their own.
    public func highlightsVerb(for repo: RepoResult) -> String? {
        guard let kind = rewriterKind else { return RewriterPresentation.generic.highlightsVerb }
        return kind.highlightsVerb(ofHighlights: repo.highlights)
    }

    private var rewriterKind: RewriterKind? {
        RewriterRegistry.builtIn.kind(named: rewriter ?? RewriterRegistry.legacyRewriterName)
    }
}
