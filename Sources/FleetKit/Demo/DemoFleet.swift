import Foundation
import GitKit

/// The sample fleet `fleet demo` runs on: eight OpenStack-shaped repos, as local bare repositories.
///
/// The shapes are the ones the rewriter must handle: two scripts with manifest server names (nova), a script
/// to skip (keystone), names derived from two scripts plus a uWSGI ini (heat), a repo named unlike its package
/// (freezer-api), an existing `<pkg>/wsgi.py` module that is the target (aodh), no `wsgi_scripts` at all
/// (python-novaclient), a service already migrated (placement), and a missing target module (zun).
public enum DemoFleet {
    /// Who commits in the demo when git has no identity of its own (a fresh machine).
    public static let identity = Signature(name: "fleet demo", email: "demo@fleet.invalid")

    /// Builds the fleet under `directory` and writes its manifest; returns the manifest's URL.
    public static func build(in directory: URL) throws -> URL {
        let remotes = directory.appendingPathComponent("remotes")
        let scratch = directory.appendingPathComponent("scratch")
        var entries: [String] = []
        for repo in repos {
            let bare = remotes.appendingPathComponent(repo.name + ".git")
            try makeRemote(repo, bare: bare, scratch: scratch.appendingPathComponent(repo.name))
            entries.append(
                (["  - name: \(repo.name)", "    url: \(bare.path)"] + repo.extraManifest).joined(separator: "\n"))
        }
        try? FileManager.default.removeItem(at: scratch)
        let manifest = directory.appendingPathComponent("demo.yaml")
        let text = """
            # The fleet demo: OpenStack-shaped sample repos, built locally by `fleet demo`.
            version: 1
            plan: remove-wsgi_scripts
            defaults:
              branch: master
            repos:
            \(entries.joined(separator: "\n"))

            """
        try Data(text.utf8).write(to: manifest)
        return manifest
    }

    private static func makeRemote(_ repo: DemoRepo, bare: URL, scratch: URL) throws {
        let work = try Repository.create(at: scratch.path)
        for (path, text) in repo.files {
            let url = scratch.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try work.stageAll()
        let author = Signature(name: "OpenStack Demo", email: "demo@openstack.invalid")
        try work.commit(message: "Initial import of \(repo.name)\n", author: author)
        _ = try Repository.clone(from: scratch.path, to: bare.path, bare: true)
    }

    static var repos: [DemoRepo] {
        [
            DemoFleet.nova, DemoFleet.keystone, DemoFleet.heat, DemoFleet.freezerAPI, DemoFleet.aodh,
            DemoFleet.novaclient, DemoFleet.placement, DemoFleet.zun,
        ]
    }
}
