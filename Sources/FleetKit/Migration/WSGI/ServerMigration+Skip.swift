extension ServerMigration {
    /// Whether the manifest said `skip` for this script: no module was made for it (`module` and `file` are empty).
    ///
    /// The commit step adds a skipped script this way to the result it builds the message from, so the message
    /// says what became of every `wsgi_scripts` entry; `summary.json`'s `servers` lists only modules that exist.
    public var isSkipped: Bool { module.isEmpty }

    /// Makes the record of a script the manifest skipped.
    public static func skipped(script: String, target: String) -> ServerMigration {
        ServerMigration(script: script, target: target, module: "", file: "", created: false)
    }
}
