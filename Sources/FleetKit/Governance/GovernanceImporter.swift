import Foundation
import Yams

/// Writes a fleet manifest from the OpenStack governance repository's `reference/projects.yaml`.
///
/// That file maps each project team to its details, among them `deliverables`: deliverable name →
/// `{repos: [openstack/x, ...], deprecated: <release>?, ...}`. Every repository of every deliverable that is not
/// deprecated becomes a manifest entry carrying its team, so the report can group by team.
public enum GovernanceImporter {
    /// One repository found in `projects.yaml`.
    struct Entry: Equatable {
        var name: String
        var team: String
    }

    /// Makes a manifest's YAML text from `projects.yaml`.
    /// - Parameters:
    ///   - projectsYAML: the text of `reference/projects.yaml`.
    ///   - file: the name of that file, for messages.
    ///   - teams: the teams to take, by their exact name in the file; empty means every team.
    ///   - plan: the manifest's `plan:` value (a built-in plan name or a path relative to the written manifest).
    /// - Returns: manifest YAML, repositories sorted by team then name, that ``ManifestLoader`` accepts.
    /// - Throws: ``InputError`` for malformed or unexpected input (with its line), an unknown team, or no
    ///   repositories at all.
    public static func manifest(projectsYAML: String, file: String, teams: [String], plan: String) throws -> String {
        var sink = DiagnosticSink(file: file)
        let planText = plan.trimmingCharacters(in: .whitespaces)
        if planText.isEmpty || planText.contains(where: \.isNewline) {
            throw InputError([Diagnostic(file: file, message: "the plan '\(plan)' must be one non-empty line")])
        }
        let entries = try readEntries(projectsYAML, sink: &sink)
        let known = Set(entries.teams)
        for team in teams where !known.contains(team) {
            var message = "unknown team '\(team)' (the file has \(known.count) teams)"
            if let near = known.first(where: { $0.lowercased() == team.lowercased() }) {
                message += "; did you mean '\(near)'?"
            }
            sink.append([Diagnostic(file: file, message: message)])
        }
        if sink.hasErrors { throw InputError(sink.sorted) }
        let chosen = entries.repos.filter { teams.isEmpty || teams.contains($0.team) }
            .sorted { ($0.team, $0.name) < ($1.team, $1.name) }
        guard !chosen.isEmpty else {
            throw InputError([Diagnostic(file: file, message: "no repositories in non-deprecated deliverables")])
        }
        return render(chosen, file: file, teams: teams, plan: planText)
    }

    /// Reads every team and its repositories of non-deprecated deliverables, reporting every structural problem.
    private static func readEntries(
        _ text: String, sink: inout DiagnosticSink
    ) throws -> (teams: [String], repos: [Entry]) {
        guard let root = try YAMLInput.compose(text, file: sink.file) else {
            throw InputError([Diagnostic(file: sink.file, line: 1, column: 1, message: "the file is empty")])
        }
        guard let teams = MappingReader(root, what: "projects.yaml (team name → team)", sink: &sink) else {
            throw InputError(sink.sorted)
        }
        var firstLines: [String: Int] = [:]
        var repos: [Entry] = []
        for team in teams.entries {
            guard let details = MappingReader(team.value, what: "team '\(team.key)'", sink: &sink),
                let deliverablesNode = details["deliverables"],
                let deliverables = MappingReader(
                    deliverablesNode, what: "'deliverables' of team '\(team.key)'", sink: &sink)
            else { continue }
            for deliverable in deliverables.entries {
                let what = "deliverable '\(deliverable.key)'"
                guard let map = MappingReader(deliverable.value, what: what, sink: &sink) else { continue }
                let names = readRepos(map, what: what, sink: &sink)
                if let deprecated = map["deprecated"], !deprecated.isNull { continue }
                for (name, mark) in names {
                    if let first = firstLines[name] {
                        sink.error("repository '\(name)' is listed twice (first at line \(first))", at: mark)
                        continue
                    }
                    firstLines[name] = mark?.line ?? 0
                    repos.append(Entry(name: name, team: team.key))
                }
            }
        }
        return (teams.entries.map(\.key), repos)
    }

    /// Reads a deliverable's `repos:` list, checking each name as the manifest loader will.
    private static func readRepos(
        _ map: MappingReader, what: String, sink: inout DiagnosticSink
    ) -> [(String, Mark?)] {
        guard map.require("repos", place: "in \(what)", sink: &sink), let node = map["repos"] else { return [] }
        guard case .sequence(let sequence) = node else {
            sink.error("'repos' of \(what) must be a list, found \(node.kindDescription)", at: node.mark)
            return []
        }
        var names: [(String, Mark?)] = []
        for item in sequence {
            guard let name = item.text else {
                sink.error("a repository of \(what) must be a name, found \(item.kindDescription)", at: item.mark)
                continue
            }
            if let problem = NameRules.problem(withRepositoryName: name) {
                sink.error(problem, at: item.mark)
                continue
            }
            names.append((name, item.mark))
        }
        return names
    }
}
