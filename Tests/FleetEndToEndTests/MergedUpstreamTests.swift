import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet run after upstream merged the change", .tags(.e2e, .git))
struct MergedUpstreamTests {
    @Test("the repo turns already-migrated and its old review branch stays, named in the message, never deleted")
    func oldReviewBranchIsNamed() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 0)
        let first = try #require(try fleet.result("openstack/nova"))
        let ours = try #require(first.commit.flatMap(ObjectID.init(hex:)))

        // Gerrit merges a new commit with the same content (its own committer and date), as `git am` makes one.
        let remote = try #require(fleet.remotes["openstack/nova"])
        let patch = fleet.workspace.appendingPathComponent("report/patches/openstack__nova.patch")
        let applied = try runGit(["am", patch.path], in: remote.workURL)
        #expect(applied.isSuccess, "\(applied.stderr)")
        #expect(try runGit(["push", remote.bareURL.path, "master"], in: remote.workURL).isSuccess)
        #expect(try remote.tip() != ours)

        let output = try fleet.run()
        #expect(output.status == 0, "\(output.stderr)")
        let result = try #require(try fleet.result("openstack/nova"))
        #expect(result.status == .alreadyMigrated)
        let message = try #require(result.message)
        #expect(message.contains("the old review branch 'remove-wsgi_scripts' (tip \(ours.short))"))
        #expect(message.contains("branch -D remove-wsgi_scripts"))
        let clone = try fleet.clone("openstack/nova")
        #expect(try clone.referenceTarget("refs/heads/remove-wsgi_scripts") == ours)
        #expect(try clone.isClean())

        // The branch it kept is still fleet's on the run after: never "a commit fleet did not make".
        let again = try fleet.run()
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try fleet.result("openstack/nova")?.status == .alreadyMigrated)
        #expect(try clone.referenceTarget("refs/heads/remove-wsgi_scripts") == ours)
    }
}
