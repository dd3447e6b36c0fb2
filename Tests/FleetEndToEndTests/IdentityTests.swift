import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// Who fleet commits as: git's identity, from its configuration or its environment variables, never an invented one.
@Suite("fleet run: the git identity", .tags(.e2e, .git))
struct IdentityTests {
    /// An environment with no identity: HOME and XDG_CONFIG_HOME in an empty folder, the identity variables empty.
    private static func noIdentity(home: URL) -> [String: String] {
        var environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path]
        for variable in fleetTestIdentity.keys { environment[variable] = "" }
        return environment
    }

    @Test("with no identity anywhere, fleet run refuses with exit 64, says how to set one, and touches no repo")
    func refused() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        let home = fleet.directory.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let output = try runFleet(["run", fleet.manifest.path], environment: Self.noIdentity(home: home))
        #expect(output.status == 64, "\(output.stdout)\(output.stderr)")
        #expect(output.stderr.contains("git config --global user.name"), "\(output.stderr)")
        #expect(output.stderr.contains("git config --global user.email"))
        #expect(output.stderr.contains("GIT_AUTHOR_NAME"))
        #expect(!FileManager.default.fileExists(atPath: fleet.workspace.appendingPathComponent("repos").path))
    }

    @Test("the user's global git config gives the identity and the sign-off")
    func globalConfig() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        let home = fleet.directory.url.appendingPathComponent("home")
        try writeFiles([".gitconfig": "[user]\n\tname = Global Person\n\temail = global@example.org\n"], under: home)
        let output = try runFleet(["run", fleet.manifest.path], environment: Self.noIdentity(home: home))
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let result = try #require(try fleet.result("openstack/nova"))
        let (clone, tip) = try fleet.expectReviewBranchReady(result)
        let info = try clone.commitInfo(tip)
        #expect(info.author.identity == "Global Person <global@example.org>")
        #expect(info.committer.identity == "Global Person <global@example.org>")
        #expect(info.message.contains("Signed-off-by: Global Person <global@example.org>\n"))
    }

    @Test("GIT_AUTHOR_* and GIT_COMMITTER_* win over the config; the sign-off names the committer")
    func environmentVariables() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        let home = fleet.directory.url.appendingPathComponent("home")
        try writeFiles([".gitconfig": "[user]\n\tname = Global Person\n\temail = global@example.org\n"], under: home)
        var environment = Self.noIdentity(home: home)
        environment["GIT_AUTHOR_NAME"] = "Env Author"
        environment["GIT_AUTHOR_EMAIL"] = "author@example.org"
        environment["GIT_COMMITTER_NAME"] = "Env Committer"
        environment["GIT_COMMITTER_EMAIL"] = "committer@example.org"
        let output = try runFleet(["run", fleet.manifest.path], environment: environment)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let result = try #require(try fleet.result("openstack/nova"))
        let (clone, tip) = try fleet.expectReviewBranchReady(result)
        let info = try clone.commitInfo(tip)
        #expect(info.author.identity == "Env Author <author@example.org>")
        #expect(info.committer.identity == "Env Committer <committer@example.org>")
        #expect(info.message.contains("Signed-off-by: Env Committer <committer@example.org>\n"))
    }

    @Test("fleet demo runs on a machine with no identity, committing as its own demo identity", .tags(.python))
    func demo() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-demo-identity")
        defer { directory.remove() }
        let home = directory.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let folder = directory.url.appendingPathComponent("demo")
        let output = try runFleet(["demo", "--dir", folder.path], environment: Self.noIdentity(home: home))
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let nova = try Repository.open(at: folder.appendingPathComponent(".fleet/repos/openstack/nova").path)
        let info = try nova.commitInfo(nova.resolveCommit("HEAD"))
        #expect(info.author.email.hasSuffix(".invalid"))
        #expect(info.message.contains("Signed-off-by: \(info.committer.identity)\n"))
    }
}
