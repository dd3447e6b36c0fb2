extension ServerMigration {
    /// Whether the manifest said `skip` for this script: no module was made for it (`module` and `file` are empty).
    ///
    /// The aggregator records a skipped script this way so the commit message and the report can say what became
    /// of every `wsgi_scripts` entry, not only of the ones that got a module.
    public var isSkipped: Bool { module.isEmpty }

    /// Makes the record of a script the manifest skipped.
    public static func skipped(script: String, target: String) -> ServerMigration {
        ServerMigration(script: script, target: target, module: "", file: "")
    }
}
