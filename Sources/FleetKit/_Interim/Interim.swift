// INTERIM: minimal stand-ins for APIs other branches deliver; deleted when they merge.
import Foundation
import GitKit
import Yams

public enum ManifestLoader {
    public static func load(from url: URL) throws -> Manifest {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any], let repos = root["repos"] as? [[String: Any]]
        else { throw InputError([Diagnostic(file: url.path, message: "bad manifest")]) }
        let defaults = root["defaults"] as? [String: Any] ?? [:]
        let base = defaults["base_url"] as? String ?? ""
        let plan = try PlanLoader.load(reference: root["plan"] as? String ?? "", relativeTo: url)
        let specs = repos.enumerated().map { index, repo in
            let name = repo["name"] as? String ?? ""
            var servers: [String: ServerChoice] = [:]
            for (key, value) in repo["servers"] as? [String: String] ?? [:] {
                servers[key] = value == "skip" ? .skip : .name(value)
            }
            return RepoSpec(
                name: name, url: repo["url"] as? String ?? base + name,
                branch: repo["branch"] as? String ?? defaults["branch"] as? String, package: repo["package"] as? String,
                team: repo["team"] as? String, review: repo["review"] as? String, servers: servers, index: index)
        }
        return Manifest(file: url, planReference: root["plan"] as? String ?? "", plan: plan, repos: specs)
    }
}

public enum PlanLoader {
    public static func load(reference: String, relativeTo manifest: URL) throws -> Plan {
        if let text = BuiltInPlans.sources[reference] { return try YAMLDecoder().decode(Plan.self, from: text) }
        let url = URL(fileURLWithPath: reference, relativeTo: manifest.deletingLastPathComponent())
        return try YAMLDecoder().decode(Plan.self, from: String(contentsOf: url, encoding: .utf8))
    }
}

public enum BuiltInPlans {
    public static let sources: [String: String] = [
        "remove-wsgi_scripts": """
        goal: Migrate from wsgi scripts to module paths
        goal_url: https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html
        topic: remove-wsgi_scripts
        branch: remove-wsgi_scripts
        rewriter: wsgi-module-paths
        options: {entry_points: remove, release_note: true, rewrite_uwsgi_ini: true}
        commit: {subject: "Migrate from wsgi scripts to module paths", body: "body", topic_trailer: Topic, signed_off_by: true}
        """
    ]
}

public enum ChangeID {
    public static func make(project: String, targetBranch: String, topic: String) -> String {
        "I" + ObjectID.hashBlob(Array("\(project)\n\(targetBranch)\n\(topic)".utf8)).hex
    }
    public static func find(in message: String) -> String? {
        message.split(separator: "\n").last { $0.hasPrefix("Change-Id: ") }.map { String($0.dropFirst(11)) }
    }
}

public enum CommitMessageBuilder {
    public static func message(plan: Plan, result: RepoResult, signedOffBy: String?) -> String {
        var text = plan.commit.subject + "\n\n" + plan.commit.body + "\n\n\(plan.commit.topicTrailer): \(plan.topic)\n"
        if let signedOffBy { text += "Signed-off-by: \(signedOffBy)\n" }
        return text + "Change-Id: \(result.changeId ?? "")\n"
    }
}

public enum ReportWriter {
    public static func write(_ summary: Summary, patches: [String: String], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try summary.jsonData().write(to: directory.appendingPathComponent("summary.json"))
        for (name, patch) in patches {
            let url = directory.appendingPathComponent("patches/\(Workspace.flatName(name)).patch")
            try writeAtomically(Data(patch.utf8), to: url)
        }
    }
}

extension RewriterRegistry {
    public static func make(named name: String) -> (any Rewriter)? { name == "wsgi-module-paths" ? InterimRewriter() : nil }
}

struct InterimRewriter: Rewriter {
    static let name = "wsgi-module-paths"
    func migrate(root: URL, request: MigrationRequest) -> MigrationReport {
        let cfg = (try? String(contentsOf: root.appendingPathComponent("setup.cfg"), encoding: .utf8)) ?? ""
        guard cfg.contains("wsgi_scripts") else { return MigrationReport(outcome: .notApplicable(reason: "no wsgi_scripts")) }
        let pkg = request.package ?? "pkg"
        let file = "\(pkg)/wsgi/api.py"
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("\(pkg)/wsgi"), withIntermediateDirectories: true)
        try? Data("application = None\n".utf8).write(to: root.appendingPathComponent(file))
        return MigrationReport(
            outcome: .migrated, package: pkg,
            servers: [ServerMigration(script: "x", target: "y:z", module: "\(pkg).wsgi.api", file: file)],
            criteriaMet: true, changedPaths: [file])
    }
}
