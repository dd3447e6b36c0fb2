/// What the `wsgi-module-paths` rewriter records per repo: the v1 fields of `summary.json`, where v1 put them.
public struct WSGIDetails: Codable, Sendable, Equatable {
    /// The import package, when found.
    public var package: String?
    /// The scripts and their modules.
    public var servers: [ServerMigration]
    /// Whether the `wsgi_scripts` entry points were removed from `setup.cfg`.
    public var entryPointsRemoved: Bool
    /// The release note written, relative to the root.
    public var releaseNote: String?

    /// Makes details.
    public init(
        package: String? = nil, servers: [ServerMigration] = [], entryPointsRemoved: Bool = false,
        releaseNote: String? = nil
    ) {
        self.package = package
        self.servers = servers
        self.entryPointsRemoved = entryPointsRemoved
        self.releaseNote = releaseNote
    }

    private enum CodingKeys: String, CodingKey {
        case package, servers, entryPointsRemoved, releaseNote
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try container.decodeIfPresent(String.self, forKey: .package)
        servers = try container.decodeIfPresent([ServerMigration].self, forKey: .servers) ?? []
        entryPointsRemoved = try container.decodeIfPresent(Bool.self, forKey: .entryPointsRemoved) ?? false
        releaseNote = try container.decodeIfPresent(String.self, forKey: .releaseNote)
    }

    /// Writes `null` for an absent package or note, as DESIGN.md section 7 shows.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(package, forKey: .package)
        try container.encode(servers, forKey: .servers)
        try container.encode(entryPointsRemoved, forKey: .entryPointsRemoved)
        try container.encode(releaseNote, forKey: .releaseNote)
    }
}
