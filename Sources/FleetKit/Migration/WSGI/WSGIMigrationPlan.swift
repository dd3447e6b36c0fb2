/// What analysis decided for one repository: the servers to create and the edits to make.
struct WSGIMigrationPlan: Sendable {
    /// A server module to write.
    struct PlannedServer: Sendable, Equatable {
        /// The entry it replaces (the first, when several scripts share one module).
        var entry: WSGIScriptEntry
        /// The server name, such as `api`.
        var name: String
        /// `<pkg>/wsgi/<name>.py`.
        var file: String
        /// `<pkg>.wsgi.<name>`.
        var module: String
    }

    /// The import package.
    var package: String
    /// The parsed `setup.cfg`.
    var setupCfg: SetupCfg
    /// Every `wsgi_scripts` entry, in file order.
    var entries: [WSGIScriptEntry]
    /// The modules to write.
    var toCreate: [PlannedServer]
    /// Every script with a module, created or already there, in entry order.
    var servers: [ServerMigration]
    /// Whether `<pkg>/wsgi.py` is moved to `<pkg>/wsgi/__init__.py` first.
    var movesWSGIModule: Bool
    /// Whether the `wsgi_scripts` key is removed from `setup.cfg`.
    var removesEntryPoints: Bool
    /// Follow-ups found while analyzing (declarations in `setup.py`/`pyproject.toml`).
    var followUps: [FollowUp]

    /// The package's folder, `nova` or `a/b`.
    var packagePath: String { package.replacingOccurrences(of: ".", with: "/") }
}
