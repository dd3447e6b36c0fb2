import Foundation
import Yams

extension ManifestLoader {
    /// The keys of a `repos:` entry that fleet itself reads; rewriters add their own (``RewriterKind/repositoryKeys``).
    static let repoKeys = ["name", "url", "branch", "team", "review", "gerrit"]

    /// Reads `repos:`, reporting every problem of every entry; duplicates point back at the first entry.
    static func readRepos(
        _ node: Node, defaults: Defaults, registry: RewriterRegistry, sink: inout DiagnosticSink
    ) -> [RepoSpec] {
        guard case .sequence(let sequence) = node else {
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
            map.reportUnknownKeys(allowed: repoKeys + registry.repositoryKeys, place: place, sink: &sink)
            for kind in registry.kinds { kind.checkSettings(map, &sink) }
            var settings: [String: JSONValue] = [:]
            for entry in map.entries where registry.repositoryKeys.contains(entry.key) {
                settings[entry.key] = JSONValue(entry.value)
            }
            let url = readURL(map, name: name, defaults: defaults, sink: &sink)
            let branch = readBranch(map, sink: &sink) ?? defaults.branch
            let team = map.string("team", sink: &sink)
            let review = map.string("review", sink: &sink)
            let gerrit = readGerrit(map, sink: &sink) ?? defaults.gerrit
            guard let name, let url else { continue }
            repos.append(
                RepoSpec(
                    name: name, url: url, branch: branch, team: team, review: review, gerrit: gerrit,
                    settings: settings, index: index, line: entry.mark?.line ?? 0))
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

    /// Reads `gerrit:`, an `http://` or `https://` URL: the Gerrit REST base of `fleet status`.
    static func readGerrit(_ map: MappingReader, sink: inout DiagnosticSink) -> String? {
        guard let text = map.string("gerrit", sink: &sink) else { return nil }
        guard let base = GerritURL.normalize(text) else {
            sink.error("'gerrit' '\(text)' is not an http:// or https:// URL with a host", at: map["gerrit"]?.mark)
            return nil
        }
        return base
    }
}
