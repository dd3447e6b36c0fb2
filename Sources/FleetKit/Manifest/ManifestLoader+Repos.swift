import Foundation
import Yams

extension ManifestLoader {
    /// The keys of a `repos:` entry.
    static let repoKeys = ["name", "url", "branch", "package", "team", "review", "servers"]

    /// Reads `repos:`, reporting every problem of every entry; duplicates point back at the first entry.
    static func readRepos(_ node: Node, defaults: Defaults, sink: inout DiagnosticSink) -> [RepoSpec] {
        guard case let .sequence(sequence) = node else {
            sink.error("'repos' must be a list, found \(node.kindDescription)", at: node.mark)
            return []
        }
        guard !sequence.isEmpty else {
            sink.error("'repos' lists no repositories", at: node.mark)
            return []
        }
        var firstLines: [String: Int] = [:]
        var repos: [RepoSpec] = []
        for (index, entry) in sequence.enumerated() {
            guard let map = MappingReader(entry, what: "a repository entry", sink: &sink) else { continue }
            let name = readName(map, sink: &sink)
            if let name, let nameMark = map["name"]?.mark {
                if let first = firstLines[name] {
                    sink.error("duplicate repository name '\(name)' (first at line \(first))", at: nameMark)
                } else {
                    firstLines[name] = nameMark.line
                }
            }
            let place = name.map { "in repository '\($0)'" } ?? "in a repository entry"
            map.reportUnknownKeys(allowed: repoKeys, place: place, sink: &sink)
            let url = readURL(map, name: name, defaults: defaults, sink: &sink)
            let branch = readBranch(map, sink: &sink) ?? defaults.branch
            let package = readPackage(map, sink: &sink)
            let team = map.string("team", sink: &sink)
            let review = map.string("review", sink: &sink)
            let servers = map["servers"].map { readServers($0, sink: &sink) } ?? [:]
            guard let name, let url else { continue }
            repos.append(
                RepoSpec(
                    name: name, url: url, branch: branch, package: package, team: team, review: review,
                    servers: servers, index: index, line: entry.mark?.line ?? 0))
        }
        return repos
    }

    /// Reads `name:`, which must be a `<namespace>/<repo>` that stays inside the workspace.
    private static func readName(_ map: MappingReader, sink: inout DiagnosticSink) -> String? {
        guard map["name"] != nil else {
            sink.error("repository entry has no 'name'", at: map.mark)
            return nil
        }
        guard let name = map.string("name", sink: &sink) else { return nil }
        if let problem = NameRules.problem(withRepositoryName: name) {
            sink.error(problem, at: map["name"]?.mark)
            return nil
        }
        return name
    }

    /// Reads `url:`, else makes it from `defaults.base_url` and the name, with exactly one `/` between them.
    private static func readURL(
        _ map: MappingReader, name: String?, defaults: Defaults, sink: inout DiagnosticSink
    ) -> String? {
        if map["url"] != nil { return map.string("url", sink: &sink) }
        guard let name else { return nil }
        guard let baseURL = defaults.baseURL else {
            sink.error("repository '\(name)' has no 'url' and there is no 'defaults.base_url'", at: map.mark)
            return nil
        }
        return joinURL(baseURL, name)
    }

    /// `base` and `name` with exactly one `/` between them.
    static func joinURL(_ base: String, _ name: String) -> String {
        var base = Substring(base)
        while base.hasSuffix("/") { base = base.dropLast() }
        return "\(base)/\(name.drop { $0 == "/" })"
    }

    /// Reads `package:`, a dotted Python module path.
    private static func readPackage(_ map: MappingReader, sink: inout DiagnosticSink) -> String? {
        guard let package = map.string("package", sink: &sink) else { return nil }
        guard NameRules.isDottedPythonIdentifier(package) else {
            sink.error("'package' '\(package)' is not a dotted Python identifier", at: map["package"]?.mark)
            return nil
        }
        return package
    }

    /// Reads `servers:`, script name → a Python identifier or `skip`.
    private static func readServers(_ node: Node, sink: inout DiagnosticSink) -> [String: ServerChoice] {
        guard let map = MappingReader(node, what: "'servers'", sink: &sink) else { return [:] }
        var servers: [String: ServerChoice] = [:]
        for entry in map.entries {
            guard !entry.key.trimmingCharacters(in: .whitespaces).isEmpty else {
                sink.error("empty script name in 'servers'", at: entry.keyNode.mark)
                continue
            }
            switch entry.value.text {
            case "skip":
                servers[entry.key] = .skip
            case let .some(server) where NameRules.isPythonIdentifier(server):
                servers[entry.key] = .name(server)
            default:
                let message = "server for script '\(entry.key)' must be a Python identifier or 'skip', "
                    + "found \(entry.value.kindDescription)"
                sink.error(message, at: entry.value.mark)
            }
        }
        return servers
    }
}
