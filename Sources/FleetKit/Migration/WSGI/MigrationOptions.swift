/// What to do with the `wsgi_scripts` entry points once the modules exist (the goal allows either).
public enum EntryPointPolicy: String, Codable, Sendable, Equatable {
    case remove
    case keep
}

/// The rewriter options a plan sets.
public struct MigrationOptions: Codable, Sendable, Equatable {
    /// Remove or keep the `wsgi_scripts` entry points.
    public var entryPoints: EntryPointPolicy
    /// Add a reno release note when the repo has `releasenotes/notes/`.
    public var releaseNote: Bool
    /// Turn `wsgi-file = .../<script>` in uWSGI ini files into `module = <pkg>.wsgi.<server>:application`.
    public var rewriteUWSGIIni: Bool

    enum CodingKeys: String, CodingKey {
        case entryPoints = "entry_points"
        case releaseNote = "release_note"
        case rewriteUWSGIIni = "rewrite_uwsgi_ini"
    }

    /// Makes options; the defaults are the goal plan's.
    public init(entryPoints: EntryPointPolicy = .remove, releaseNote: Bool = true, rewriteUWSGIIni: Bool = true) {
        self.entryPoints = entryPoints
        self.releaseNote = releaseNote
        self.rewriteUWSGIIni = rewriteUWSGIIni
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entryPoints = try container.decodeIfPresent(EntryPointPolicy.self, forKey: .entryPoints) ?? .remove
        releaseNote = try container.decodeIfPresent(Bool.self, forKey: .releaseNote) ?? true
        rewriteUWSGIIni = try container.decodeIfPresent(Bool.self, forKey: .rewriteUWSGIIni) ?? true
    }
}
