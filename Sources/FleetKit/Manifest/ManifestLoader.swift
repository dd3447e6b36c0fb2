import Foundation
import Yams

/// Loads a manifest file and validates it completely before any repository is touched.
///
/// Every problem is collected and thrown at once as an ``InputError`` whose diagnostics print as
/// `file:line:column: error: message` (see `manifests/README.md` for the schema and every message).
public enum ManifestLoader {
    /// The keys a manifest may have at the top level.
    static let topLevelKeys = ["version", "plan", "defaults", "repos"]
    /// The keys of `defaults:`.
    static let defaultsKeys = ["base_url", "branch", "gerrit"]
    /// The manifest format version fleet reads.
    public static let supportedVersion = 1

    /// The values of `defaults:`.
    struct Defaults {
        var baseURL: String?
        var branch: String?
        var gerrit: String?
    }

    /// Loads and validates the manifest at `url`, and the plan it names.
    ///
    /// Messages name the file as `url.relativePath` (the path as the user typed it, for a URL made with
    /// `URL(fileURLWithPath:)`).
    /// - Throws: ``InputError`` with every problem found, in the manifest and in its plan.
    /// - Returns: the manifest, with its plan loaded.
    /// - Parameters:
    ///   - url: the manifest file.
    ///   - plan: a plan to run instead of the manifest's (`--plan`): a built-in name, or a path relative to the
    ///     current folder or absolute.
    ///   - registry: the rewriters plans may name.
    public static func load(from url: URL, plan: String? = nil, registry: RewriterRegistry = .builtIn) throws
        -> Manifest
    {
        try load(yaml: InputText.read(url, file: url.relativePath), file: url, plan: plan, registry: registry)
    }

    /// Loads and validates manifest YAML text as if it were the file at `file` (which locates a relative `plan:`).
    /// - Throws: ``InputError`` with every problem found, in the manifest and in its plan.
    public static func load(
        yaml: String, file: URL, plan override: String? = nil, registry: RewriterRegistry = .builtIn
    ) throws -> Manifest {
        let display = file.relativePath
        var sink = DiagnosticSink(file: display)
        guard let root = try YAMLInput.compose(yaml, file: display) else {
            throw InputError([Diagnostic(file: display, line: 1, column: 1, message: "the manifest is empty")])
        }
        guard let map = MappingReader(root, what: "the manifest", sink: &sink) else { throw InputError(sink.sorted) }
        map.reportUnknownKeys(allowed: topLevelKeys, place: "in the manifest", sink: &sink)
        checkVersion(map, sink: &sink)
        map.require("plan", place: "in the manifest", sink: &sink)
        let reference = override ?? map.string("plan", sink: &sink)
        let loaded = reference.flatMap { reference in
            loadPlan(
                reference, at: override == nil ? map["plan"]?.mark : nil, manifest: file, isOverride: override != nil,
                registry: registry, sink: &sink)
        }
        let defaults = map["defaults"].map { readDefaults($0, sink: &sink) } ?? Defaults()
        var repos: [RepoSpec] = []
        if map.require("repos", place: "in the manifest", sink: &sink), let node = map["repos"] {
            repos = readRepos(node, defaults: defaults, registry: registry, sink: &sink)
        }
        guard let reference, let loaded, !sink.hasErrors else { throw InputError(sink.sorted) }
        var manifest = Manifest(
            file: file, planReference: reference, plan: loaded.plan, planDirectory: loaded.directory, repos: repos)
        manifest.usesOwnPlan = override == nil || override == map["plan"]?.text
        return manifest
    }

    private static func checkVersion(_ map: MappingReader, sink: inout DiagnosticSink) {
        guard map.require("version", place: "in the manifest", sink: &sink), let node = map["version"] else { return }
        if node.int != supportedVersion {
            sink.error("'version' must be \(supportedVersion), found \(node.kindDescription)", at: node.mark)
        }
    }

    private static func readDefaults(_ node: Node, sink: inout DiagnosticSink) -> Defaults {
        guard let map = MappingReader(node, what: "'defaults'", sink: &sink) else { return Defaults() }
        map.reportUnknownKeys(allowed: defaultsKeys, place: "in 'defaults'", sink: &sink)
        return Defaults(
            baseURL: map.string("base_url", sink: &sink),
            branch: readBranch(map, sink: &sink),
            gerrit: readGerrit(map, sink: &sink))
    }

    /// Reads a `branch:` value and checks it is a usable git branch name.
    static func readBranch(_ map: MappingReader, sink: inout DiagnosticSink) -> String? {
        guard let branch = map.string("branch", sink: &sink) else { return nil }
        guard NameRules.isBranchName(branch) else {
            sink.error("'branch' '\(branch)' is not a valid git branch name", at: map["branch"]?.mark)
            return nil
        }
        return branch
    }
}
