import Foundation

/// The `pbr-pyproject` rewriter: adds the minimal `pyproject.toml` that lets pip 23.1 and later build a pbr project
/// through PEP 517 (DESIGN.md section 3b).
///
/// A repo is a pbr project when its `setup.py` passes `pbr=True` to `setup(`. The rewriter writes exactly
/// ``PyprojectOptions/fileText`` and nothing else; an existing `pyproject.toml` is never overwritten: one declaring
/// `build-backend = "pbr.build"` makes the repo `already-migrated`, any other makes it `needs-attention`.
public struct PBRPyprojectRewriter: Rewriter {
    public typealias Options = PyprojectOptions
    /// No manifest keys.
    public typealias Settings = NoSettings
    public typealias Details = PyprojectDetails
    /// The exact text written, which verification reads back.
    public typealias Pending = String

    /// The plan's `rewriter:` value.
    public static let name = "pbr-pyproject"
    /// The keys of `options:`.
    public static let optionKeys = ["requires"]
    /// The criterion: `pyproject.toml` declares this backend.
    public static let backend = "pbr.build"
    /// The file the rewriter writes.
    public static let fileName = "pyproject.toml"
    /// The highlight is the file added.
    public static let presentation = RewriterPresentation(highlightsTitle: "Build system", highlightsVerb: "adds")
    /// `Plans/pyproject-pbr.yaml`.
    public static var builtInPlans: [String: String] { ["pyproject-pbr": pyprojectPBRPlan] }

    /// The plan options.
    public var options: PyprojectOptions
    /// The Python interpreter whose `tomllib` checks the written file: one start per repo, so a pyenv shim's is
    /// resolved once, here (see ``PyenvShim``).
    public var python: String

    /// Makes the rewriter for a run.
    public init(options: PyprojectOptions, environment: RewriterEnvironment) {
        self.options = options
        self.python = PyenvShim.interpreter(for: environment.python) ?? environment.python
    }

    /// `["pyproject.toml"]` when the repo's `pyproject.toml` declares the pbr backend.
    public static func highlights(of details: PyprojectDetails) -> [String] {
        details.pyproject?.buildBackend == backend ? [fileName] : []
    }

    /// Classifies the repo and, for a pbr project without `pyproject.toml`, writes the file.
    public func rewrite(_ request: RewriteRequest<Settings>) -> Rewrite<PyprojectDetails, String> {
        let file = request.root.appendingPathComponent(Self.fileName)
        let existing = Self.read(file)
        let found = existing.map(PyprojectBuildSystem.init(parsing:))
        let foundDetails = PyprojectDetails(
            pyproject: found.map { .init(requires: $0.requires ?? [], buildBackend: $0.backend?.value) })
        if found?.backend?.value == Self.backend {
            return Rewrite(outcome: .alreadyMigrated, details: foundDetails, criteriaMet: true)
        }
        guard let setup = Self.read(request.root.appendingPathComponent("setup.py")) else {
            return Rewrite(outcome: .notApplicable(reason: "no setup.py: not a pbr project"), criteriaMet: false)
        }
        guard SetupPyScanner.passesPBR(setup) else {
            let reason = "setup.py does not pass pbr=True to setup(): not a pbr project"
            return Rewrite(outcome: .notApplicable(reason: reason), criteriaMet: false)
        }
        if let found {
            return Rewrite(
                outcome: .needsAttention(reason: Self.describeExisting(found)), details: foundDetails,
                criteriaMet: false)
        }
        let text = options.fileText
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            return Rewrite(
                outcome: .needsAttention(reason: "cannot write \(Self.fileName): \(error)"), criteriaMet: false)
        }
        return Rewrite(
            outcome: .migrated,
            details: PyprojectDetails(pyproject: .init(requires: options.requires, buildBackend: Self.backend)),
            criteriaMet: true, changedPaths: [Self.fileName], pending: text)
    }

    /// Reads the written file back: it must be exactly the expected bytes, and Python's `tomllib` (3.11 and later)
    /// must read the pbr backend and the requirements from it.
    public func verify(_ rewrite: Rewrite<PyprojectDetails, String>, request: RewriteRequest<Settings>)
        -> RewriteOutcome
    {
        guard let expected = rewrite.pending else { return rewrite.outcome }
        let file = request.root.appendingPathComponent(Self.fileName)
        guard let written = try? Data(contentsOf: file), written == Data(expected.utf8) else {
            return .needsAttention(reason: "verification failed: \(Self.fileName) does not hold the expected text")
        }
        if let problem = PyprojectChecker(python: python).problem(in: file, requires: options.requires) {
            return .needsAttention(reason: "verification failed: \(problem)")
        }
        return .migrated
    }

    /// No paragraphs: the plan's body says why the file is added, and the change is the one file.
    public func commitText(for rewrite: Rewrite<PyprojectDetails, String>) -> CommitText {
        CommitText(paragraphs: [])
    }

    // MARK: - Private

    /// Why an existing `pyproject.toml` stops the rewrite, with `file:line` of what was found.
    private static func describeExisting(_ found: PyprojectBuildSystem) -> String {
        let untouched = "fleet does not overwrite it"
        if let backend = found.backend {
            return
                "\(fileName):\(backend.line) declares build-backend = \"\(backend.value)\", not \"\(Self.backend)\"; "
                + untouched
        }
        if let line = found.tableLine {
            return "\(fileName):\(line) has a [build-system] table without build-backend; \(untouched)"
        }
        return "\(fileName):1 exists without a [build-system] table; \(untouched)"
    }

    /// A file's text, or nil when it is missing or not a regular file.
    private static func read(_ url: URL) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = try? Data(contentsOf: url)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
