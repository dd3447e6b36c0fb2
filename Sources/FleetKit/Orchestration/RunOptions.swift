import Foundation
import GitKit

/// The switches of one `fleet run`.
public struct RunOptions: Sendable {
    /// How many repos are worked on at once.
    public var jobs: Int = 4
    /// The workspace folder; nil means `.fleet/` beside the manifest.
    public var workspace: URL?
    /// The report folder; nil means `<workspace>/report`.
    public var reportDirectory: URL?
    /// Only these repo names, when not empty.
    public var only: [String] = []
    /// Analyze and show the diff; write no branch and no commit.
    public var dryRun = false
    /// Redo repos that are up to date.
    public var force = false
    /// Run only shard `index` (1-based) of `count`: the repos whose zero-based manifest index modulo count is index-1.
    public var shard: (index: Int, count: Int)?
    /// The rewriters plans may name.
    public var registry: RewriterRegistry = .builtIn
    /// The Python interpreter rewriters verify with.
    public var python = "python3"
    /// Who commits when git has no identity.
    ///
    /// Nil (the default) refuses a run when git has no identity; only `fleet demo` sets it, for its sample repos.
    public var fallbackIdentity: Signature?

    /// Makes the default options.
    public init() {}
}

/// Picks the repos a run works on: `--only` names and `--shard`, keeping manifest order.
public enum RepoSelection {
    /// The selected repos; unknown `--only` names are bad input.
    public static func select(_ manifest: Manifest, options: RunOptions) throws -> [RepoSpec] {
        let known = Set(manifest.repos.map(\.name))
        let unknown = options.only.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw InputError(
                unknown.map {
                    Diagnostic(
                        file: manifest.file.path, message: "--only names '\($0)', which the manifest does not list")
                })
        }
        return manifest.repos.filter { spec in
            (options.only.isEmpty || options.only.contains(spec.name))
                && (options.shard.map { spec.index % $0.count == $0.index - 1 } ?? true)
        }
    }
}
