import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// A fleet of service remotes in a temporary folder, with a manifest and helpers to run `fleet` on it.
struct RunFixture {
    let directory: TemporaryDirectory
    let remotes: [String: FixtureRemote]
    let manifest: URL

    /// Builds one remote per name (`openstack/<name>`), in the given order.
    init(names: [String], extraRepos: [(name: String, url: String)] = []) throws {
        directory = try TemporaryDirectory(prefix: "fleet-e2e")
        var remotes: [String: FixtureRemote] = [:]
        var entries: [(name: String, url: String)] = []
        for name in names {
            let remote = try FixtureRemote(in: directory.url, name: name, files: serviceFiles(name: name))
            remotes["openstack/\(name)"] = remote
            entries.append(("openstack/\(name)", remote.bareURL.path))
        }
        self.remotes = remotes
        manifest = try writeManifest(in: directory.url, repos: entries + extraRepos)
    }

    var workspace: URL { directory.url.appendingPathComponent(".fleet") }

    func clone(_ name: String) throws -> Repository {
        try Repository.open(at: workspace.appendingPathComponent("repos/\(name)").path)
    }

    /// Runs `fleet run` on the manifest with extra arguments.
    func run(_ arguments: [String] = []) throws -> ProcessOutput {
        try runFleet(["run", manifest.path] + arguments)
    }

    func summary() throws -> Summary {
        try SummaryFile.load(from: workspace.appendingPathComponent("report/summary.json"))
    }

    func result(_ name: String) throws -> RepoResult? {
        try summary().repos.first { $0.name == name }
    }

    /// Checks that the repo's clone rests on its review branch, clean, exactly one commit above its base.
    @discardableResult
    func expectReviewBranchReady(
        _ result: RepoResult, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (clone: Repository, tip: ObjectID) {
        let clone = try clone(result.name)
        #expect(try clone.currentBranch() == "remove-wsgi_scripts", sourceLocation: sourceLocation)
        #expect(try clone.isClean(), sourceLocation: sourceLocation)
        let tip = try #require(result.commit.flatMap(ObjectID.init(hex:)), sourceLocation: sourceLocation)
        let base = try #require(result.baseCommit.flatMap(ObjectID.init(hex:)), sourceLocation: sourceLocation)
        #expect(try clone.commits(from: tip, excluding: base).count == 1, sourceLocation: sourceLocation)
        return (clone, tip)
    }
}
