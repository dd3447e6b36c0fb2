import Foundation

/// The `wsgi-module-paths` rewriter: replaces PBR's `wsgi_scripts` with `<pkg>.wsgi.<server>` modules.
///
/// DESIGN.md section 3 is its specification. It analyzes `setup.cfg` and the package, writes the modules, edits
/// `setup.cfg`, uWSGI ini files and adds a reno note, lists references it leaves for a person, and verifies the
/// result with python. It never touches git and never reads or writes outside the root.
public struct WSGIModulePathsRewriter: Rewriter {
    /// The plan's `rewriter:` value.
    public static let name = "wsgi-module-paths"

    /// The Python interpreter verification runs.
    public var python: String

    /// Makes the rewriter; `python` is the interpreter verification runs (`python3` on `PATH` by default).
    public init(python: String = "python3") {
        self.python = python
    }

    /// Analyzes, rewrites and verifies the tree at `root`.
    public func migrate(root: URL, request: MigrationRequest) -> MigrationReport {
        verify(rewrite(root: root, request: request), root: root)
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

    /// Verifies a rewritten tree and returns the final report: `needs-attention` when a check fails.
    public func verify(_ pending: PendingMigration, root: URL) -> MigrationReport {
        guard pending.needsVerification else { return pending.report }
        var report = pending.report
        do {
            let tree = try RepositoryTree(root: root)
            try MigrationVerifier(tree: tree, python: python).verify(pending)
        } catch let problem as MigrationProblem {
            report.outcome = .needsAttention(reason: "verification failed: \(problem.reason)")
        } catch {
            report.outcome = .needsAttention(reason: "verification failed: \(error)")
        }
        return report
    }
}
