/// The rewriters a plan's `rewriter:` key can name.
public struct RewriterRegistry: Sendable {
    /// The rewriters fleet ships; a new goal adds one line here.
    public static let builtIn = RewriterRegistry([
        RewriterKind(WSGIModulePathsRewriter.self),
        RewriterKind(PBRPyprojectRewriter.self),
        RewriterKind(CommandRewriter.self),
    ])

    /// The known rewriters, in the order messages list them.
    public let kinds: [RewriterKind]

    /// Makes a registry of `kinds` (tests add their own).
    public init(_ kinds: [RewriterKind]) {
        self.kinds = kinds
    }

    /// Every known rewriter name.
    public var names: [String] { kinds.map(\.name) }

    /// The rewriter called `name`, or nil.
    public func kind(named name: String) -> RewriterKind? {
        kinds.first { $0.name == name }
    }

    /// Every built-in plan of every rewriter: name → YAML text.
    public var builtInPlans: [String: String] {
        kinds.reduce(into: [:]) { plans, kind in plans.merge(kind.builtInPlans) { first, _ in first } }
    }

    /// Every extra manifest key some rewriter accepts.
    public var repositoryKeys: [String] { kinds.flatMap(\.repositoryKeys) }

    /// A registry with `kind` added (or replacing the one of the same name).
    public func adding(_ kind: RewriterKind) -> RewriterRegistry {
        RewriterRegistry(kinds.filter { $0.name != kind.name } + [kind])
    }
}

extension RewriterRegistry {
    /// The rewriter of every `summary.json` written before summaries named their rewriter.
    static let legacyRewriterName = WSGIModulePathsRewriter.name
}
