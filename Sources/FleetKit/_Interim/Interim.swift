// INTERIM: minimal stand-ins for APIs other branches deliver; deleted when they merge.
import Foundation
import GitKit
import Yams

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
