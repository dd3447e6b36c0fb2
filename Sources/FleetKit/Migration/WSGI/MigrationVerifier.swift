import Foundation
import Yams

/// Proves a rewritten tree: Python compiles, the modules call their targets, `setup.cfg` parses, the note is YAML.
///
/// Python files go to the run's shared ``PythonChecker``, which compiles them in memory: no `__pycache__` ever lands
/// in the clone, and no interpreter starts per repository.
struct MigrationVerifier {
    /// The repository's files.
    let tree: RepositoryTree
    /// Compiles the Python files; shared by the whole run.
    let checker: PythonChecker

    /// Checks `pending`.
    /// - Throws: ``MigrationProblem`` naming the first check that failed.
    func verify(_ pending: PendingMigration) throws {
        try compile(pending.pythonFiles)
        for check in pending.moduleChecks {
            let lines = TextLines.split(try tree.readText(check.file)).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard lines.contains(check.importStatement), lines.contains(check.call) else {
                throw MigrationProblem(
                    "\(check.file) does not import the target's module with \(check.importStatement) and bind "
                        + "\(check.call)")
            }
        }
        if let keeps = pending.setupCfgKeepsScripts {
            let setupCfg = try SetupCfg(text: try tree.readText("setup.cfg", limit: WSGIAnalyzer.setupCfgLimit))
            let declares = setupCfg.section("entry_points")?.entry("wsgi_scripts") != nil
            guard declares == keeps else {
                throw MigrationProblem("setup.cfg still declares wsgi_scripts after they were removed")
            }
        }
        if let note = pending.note { try verifyNote(note) }
    }

    private func compile(_ files: [String]) throws {
        for file in files {
            let verdict: PythonChecker.Verdict
            do {
                verdict = try checker.check(try tree.resolve(file), name: file)
            } catch let error as PythonCheckerError {
                throw MigrationProblem(error.localizedDescription)
            }
            // The wording predates the long-lived checker; reports and tests key on it.
            if case .fails(let detail) = verdict { throw MigrationProblem("python3 -m py_compile failed: \(detail)") }
        }
    }

    private func verifyNote(_ note: PendingMigration.NoteCheck) throws {
        let text = try tree.readText(note.path)
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw MigrationProblem("\(note.path) is not valid YAML: \(error)")
        }
        guard let mapping = loaded as? [String: Any] else {
            throw MigrationProblem("\(note.path) is not a YAML mapping")
        }
        let expected = (note.hasFeatures ? ["features"] : []) + (note.hasUpgrade ? ["upgrade"] : [])
        for section in expected {
            guard let items = mapping[section] as? [String], !items.isEmpty else {
                throw MigrationProblem("\(note.path) has no \(section): list of notes")
            }
        }
        guard Set(mapping.keys) == Set(expected) else {
            throw MigrationProblem("\(note.path) has sections \(mapping.keys.sorted()), expected \(expected)")
        }
    }
}
