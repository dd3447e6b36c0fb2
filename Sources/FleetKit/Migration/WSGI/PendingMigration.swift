/// A rewritten tree that still has to be verified: the report so far and what verification must check.
///
/// ``WSGIModulePathsRewriter/rewrite(root:request:)`` makes one; ``WSGIModulePathsRewriter/verify(_:root:)`` turns it
/// into the final report. Splitting them lets the pipeline time the steps, and the benchmark leave python out.
public struct PendingMigration: Sendable, Equatable {
    /// A generated module and the two lines it must hold.
    struct ModuleCheck: Sendable, Equatable {
        var file: String
        var importStatement: String
        var call: String
    }

    /// The release note and the sections it must hold.
    struct NoteCheck: Sendable, Equatable {
        var path: String
        var hasFeatures: Bool
        var hasUpgrade: Bool
    }

    /// The report so far; its outcome is final unless it is `migrated`, which verification may overturn.
    public var report: MigrationReport
    /// Every generated or edited Python file, relative to the root.
    var pythonFiles: [String] = []
    /// The generated modules.
    var moduleChecks: [ModuleCheck] = []
    /// Whether `setup.cfg` must still declare `wsgi_scripts` (nil when it was not edited).
    var setupCfgKeepsScripts: Bool?
    /// The release note written.
    var note: NoteCheck?

    /// Whether verification has anything to check.
    public var needsVerification: Bool { report.outcome == .migrated }
}
