import Foundation

/// The `wsgi-module-paths` rewriter: replaces PBR's `wsgi_scripts` with `<pkg>.wsgi.<server>` modules.
///
/// DESIGN.md section 3 is its specification. It analyzes `setup.cfg` and the package, writes the modules, edits
/// `setup.cfg`, uWSGI ini files and adds a reno note, lists references it leaves for a person, and verifies the
/// result with python. It never touches git and never reads or writes outside the root.
public struct WSGIModulePathsRewriter: Rewriter {
    public typealias Options = MigrationOptions
    public typealias Settings = WSGISettings
    public typealias Details = WSGIDetails
    public typealias Pending = PendingMigration

    /// The plan's `rewriter:` value.
    public static let name = "wsgi-module-paths"
    /// The keys of `options:`.
    public static let optionKeys = ["entry_points", "release_note", "rewrite_uwsgi_ini"]
    /// The manifest keys: the import package and the server names.
    public static let repositoryKeys = ["package", "servers"]
    /// `{package}` is the repo's import package: OpenStack's are at most about 20 characters (`ironic_inspector`
    /// is 16).
    public static let subjectPlaceholders = ["package": 20]
    /// The highlights are module paths.
    public static let presentation = RewriterPresentation(highlightsTitle: "New module paths", highlightsVerb: "adds")
    /// `Plans/remove-wsgi_scripts.yaml`.
    public static var builtInPlans: [String: String] { ["remove-wsgi_scripts": removeWSGIScripts] }

    /// The plan options.
    public var options: MigrationOptions
    /// The Python interpreter verification runs.
    public var python: String { checker.python }

    /// Compiles the generated and moved Python files; copies of the rewriter share it, so one run starts it once.
    public let checker: PythonChecker

    /// Makes the rewriter; `python` is the interpreter verification runs (`python3` on `PATH` by default).
    public init(options: MigrationOptions = MigrationOptions(), python: String = "python3") {
        self.init(options: options, checker: PythonChecker(python: python))
    }

    /// Makes the rewriter with a checker the caller shares or configures.
    public init(options: MigrationOptions = MigrationOptions(), checker: PythonChecker) {
        self.options = options
        self.checker = checker
    }

    /// Makes the rewriter for a run.
    public init(options: MigrationOptions, environment: RewriterEnvironment) {
        self.init(options: options, python: environment.python)
    }

    /// Starts the run's Python checker in the background: through a pyenv shim it takes about 0.1 s, during which
    /// every lane that reached verification used to wait with nothing to do.
    public func prepareForRewrites() {
        checker.prestart()
    }

    /// Closes the checker's interpreters while the report is written: each takes a few milliseconds to exit, which
    /// the end of the run no longer waits for on its own.
    public func finishRewrites() {
        checker.shutdown()
    }

    /// `adds` before new module paths; none before `entry points removed`, which says it all.
    public static func highlightsVerb(for highlights: [String]) -> String? {
        highlights == WSGICommitWording.removedStatement ? nil : presentation.highlightsVerb
    }

    /// The new module paths (skipped scripts have none), or `entry points removed` for a removal-only change.
    public static func highlights(of details: WSGIDetails) -> [String] {
        WSGICommitWording.highlights(of: details)
    }

    /// Analyzes and rewrites one repository.
    public func rewrite(_ request: RewriteRequest<WSGISettings>) -> Rewrite<WSGIDetails, PendingMigration> {
        let migration = MigrationRequest(
            projectName: request.projectName, package: request.settings.package, servers: request.settings.servers,
            options: options, noteSuffix: request.stableSuffix)
        let pending = rewrite(root: request.root, request: migration)
        let report = pending.report
        let details = WSGIDetails(
            package: report.package, servers: report.servers, entryPointsRemoved: report.entryPointsRemoved,
            releaseNote: report.releaseNote)
        let repo = request.projectName.split(separator: "/").last.map(String.init) ?? request.projectName
        return Rewrite(
            outcome: report.outcome, details: details, followUps: report.followUps, criteriaMet: report.criteriaMet,
            changedPaths: report.changedPaths,
            placeholders: ["package": report.package ?? repo.replacingOccurrences(of: "-", with: "_")],
            pending: pending)
    }

    /// Verifies a rewritten tree with python.
    public func verify(
        _ rewrite: Rewrite<WSGIDetails, PendingMigration>, request: RewriteRequest<WSGISettings>
    ) -> RewriteOutcome {
        guard let pending = rewrite.pending else { return rewrite.outcome }
        return verify(pending, root: request.root).outcome
    }

    /// The scripts and their modules, what became of the entry points, the release note and the follow-ups.
    public func commitText(for rewrite: Rewrite<WSGIDetails, PendingMigration>) -> CommitText {
        commitText(
            details: rewrite.details ?? WSGIDetails(), followUps: rewrite.followUps,
            removedScripts: rewrite.pending?.report.removedScripts ?? [])
    }

    /// The commit text for these details; `removedScripts` adds the scripts whose entry points went without a
    /// module (skipped in the manifest).
    public func commitText(details: WSGIDetails, followUps: [FollowUp], removedScripts: [String] = []) -> CommitText {
        WSGICommitText(options: options, details: details, followUps: followUps).text(removedScripts: removedScripts)
    }

    /// Analyzes and rewrites the tree at `root`, without running python.
    /// - Returns: the report so far and what ``verify(_:root:)`` must check. A `needs-attention` outcome may leave
    ///   partial edits, which the caller discards.
    public func rewrite(root: URL, request: MigrationRequest) -> PendingMigration {
        do {
            let tree = try RepositoryTree(root: root)
            switch try WSGIAnalyzer(tree: tree, request: request).analyze() {
            case .finished(let report):
                return PendingMigration(report: report)
            case .plan(let plan):
                return try WSGIMigrationApplier(tree: tree, request: request).apply(plan)
            }
        } catch let problem as MigrationProblem {
            return PendingMigration(report: MigrationReport(outcome: .needsAttention(reason: problem.reason)))
        } catch {
            return PendingMigration(report: MigrationReport(outcome: .needsAttention(reason: "\(error)")))
        }
    }

    /// Analyzes, rewrites and verifies the tree at `root`.
    public func migrate(root: URL, request: MigrationRequest) -> MigrationReport {
        verify(rewrite(root: root, request: request), root: root)
    }

    /// Verifies a rewritten tree and returns the final report: `needs-attention` when a check fails.
    public func verify(_ pending: PendingMigration, root: URL) -> MigrationReport {
        guard pending.needsVerification else { return pending.report }
        var report = pending.report
        do {
            let tree = try RepositoryTree(root: root)
            try MigrationVerifier(tree: tree, checker: checker).verify(pending)
        } catch let problem as MigrationProblem {
            report.outcome = .needsAttention(reason: "verification failed: \(problem.reason)")
        } catch {
            report.outcome = .needsAttention(reason: "verification failed: \(error)")
        }
        return report
    }
}
