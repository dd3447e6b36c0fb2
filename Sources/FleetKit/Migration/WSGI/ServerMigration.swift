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

    /// Makes a server migration record.
    public init(script: String, target: String, module: String, file: String) {
        self.script = script
        self.target = target
        self.module = module
        self.file = file
    }
}
