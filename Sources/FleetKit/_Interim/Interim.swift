// INTERIM: minimal stand-ins for APIs other branches deliver; deleted when they merge.
import Foundation
import GitKit
import Yams

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
