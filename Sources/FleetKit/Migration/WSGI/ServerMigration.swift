/// One WSGI script and the module that replaces it.
public struct ServerMigration: Codable, Sendable, Equatable {
    /// The `wsgi_scripts` entry name, such as `nova-api-wsgi`.
    public var script: String
    /// The entry point target, `module.path:callable`.
    public var target: String
    /// The new module path, such as `nova.wsgi.osapi_compute`.
    public var module: String
    /// The new module's file, relative to the repository root.
    public var file: String
    /// Whether fleet wrote the module (false: it already existed, and the script only loses its entry point).
    public var created: Bool

    /// Makes a server migration record.
    public init(script: String, target: String, module: String, file: String, created: Bool = true) {
        self.script = script
        self.target = target
        self.module = module
        self.file = file
        self.created = created
    }

    private enum CodingKeys: String, CodingKey {
        case script, target, module, file, created
    }

    /// Reads a record; one written before `created` existed reads as `true`, which is what fleet then claimed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        script = try c.decode(String.self, forKey: .script)
        target = try c.decode(String.self, forKey: .target)
        module = try c.decode(String.self, forKey: .module)
        file = try c.decode(String.self, forKey: .file)
        created = try c.decodeIfPresent(Bool.self, forKey: .created) ?? true
    }
}
