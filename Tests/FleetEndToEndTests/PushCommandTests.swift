import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet push", .tags(.e2e, .git))
struct PushCommandTests {
    private static let topicRef = "refs/for/master%topic=remove-wsgi_scripts"

    /// A fleet whose repos review on local bare "Gerrit" repositories, some reached over SSH.
    private struct PushFixture {
        let directory: TemporaryDirectory
        let manifest: URL
        let reviews: [String: URL]

        init(names: [String], reviewURL: (String, URL) -> String) throws {
            directory = try TemporaryDirectory(prefix: "fleet-push")
            var text = "version: 1\nplan: remove-wsgi_scripts\ndefaults:\n  branch: master\nrepos:\n"
            var reviews: [String: URL] = [:]
            for name in names {
                let remote = try FixtureRemote(in: directory.url, name: name, files: serviceFiles(name: name))
                let review = directory.url.appendingPathComponent("gerrit/openstack/\(name).git")
                _ = try Repository.create(at: review.path, bare: true)
                reviews[name] = review
                text += "  - name: openstack/\(name)\n    url: \(remote.bareURL.path)\n"
                text += "    review: \(reviewURL(name, review))\n"
            }
            manifest = directory.url.appendingPathComponent("manifest.yaml")
            try Data(text.utf8).write(to: manifest)
            self.reviews = reviews
        }

        func summary() throws -> Summary {
            try SummaryFile.load(from: directory.url.appendingPathComponent(".fleet/report/summary.json"))
        }

        func pushedCommit(_ name: String) throws -> ObjectID? {
            let review = try #require(reviews[name])
            return try Repository.open(at: review.path).referenceTarget(PushCommandTests.topicRef)
        }
    }

    @Test(
        "--dry-run prints refspecs and remotes; a push lands the commit under refs/for with the topic; again is a no-op"
    )
    func localPush() throws {
        let fleet = try PushFixture(names: ["nova", "heat"]) { _, review in review.path }
        defer { fleet.directory.remove() }
        #expect(try runFleet(["run", fleet.manifest.path]).status == 0)

        let dry = try runFleet(["push", fleet.manifest.path, "--dry-run"])
        #expect(dry.status == 0)
        #expect(
            dry.stdout.contains(
                "openstack/nova: git push \(fleet.reviews["nova"]?.path ?? "?") refs/heads/remove-wsgi_scripts:\(Self.topicRef)"
            ))
        #expect(try fleet.pushedCommit("nova") == nil)

        let push = try runFleet(["push", fleet.manifest.path])
        #expect(push.status == 0, "\(push.stdout)\(push.stderr)")
        let summary = try fleet.summary()
        for result in summary.repos {
            #expect(result.pushed == true)
            let name = String(result.name.dropFirst("openstack/".count))
            #expect(try fleet.pushedCommit(name)?.hex == result.commit)
        }
        let again = try runFleet(["push", fleet.manifest.path, "--only", "openstack/nova"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    }

    @Test("fleet run --push runs and pushes in one go, recording pushed and reviewUrl")
    func runWithPush() throws {
        let fleet = try PushFixture(names: ["glance"]) { _, review in review.path }
        defer { fleet.directory.remove() }
        let run = try runFleet(["run", fleet.manifest.path, "--push"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let result = try #require(try fleet.summary().repos.first)
        #expect(result.pushed == true)
        #expect(result.reviewUrl != nil)
        #expect(try fleet.pushedCommit("glance")?.hex == result.commit)
        #expect(run.stdout.contains("openstack/glance: pushed"))
    }

    @Test("over SSH to Debian's sshd: pushes land, and a pre-receive refusal is that repo's failure with the reason")
    func sshPush() throws {
        try #require(SSHServer.isAvailable, "openssh-server is not installed (apt-get install openssh-server)")
        let keys = try TemporaryDirectory(prefix: "fleet-sshd")
        defer { keys.remove() }
        let server = try SSHServer(in: keys.url)
        defer { server.stop() }
        let fleet = try PushFixture(names: ["nova", "cinder"]) { _, review in server.url(for: review) }
        defer { fleet.directory.remove() }
        let hook = try #require(fleet.reviews["cinder"]).appendingPathComponent("hooks/pre-receive")
        try Data("#!/bin/sh\necho 'cinder is frozen for the release' >&2\nexit 1\n".utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)

        #expect(try runFleet(["run", fleet.manifest.path]).status == 0)
        let push = try runFleet(["push", fleet.manifest.path], environment: server.clientEnvironment)
        #expect(push.status == 1, "\(push.stdout)\(push.stderr)\n\(server.log())")
        let summary = try fleet.summary()
        let nova = try #require(summary.repos.first { $0.name == "openstack/nova" })
        let cinder = try #require(summary.repos.first { $0.name == "openstack/cinder" })
        #expect(nova.pushed == true, "\(nova.message ?? "")\n\(server.log())")
        #expect(try fleet.pushedCommit("nova")?.hex == nova.commit)
        #expect(nova.reviewUrl == "https://127.0.0.1/q/\(nova.changeId ?? "?")")
        #expect(cinder.pushed == false)
        #expect(cinder.message?.contains("refs/for/master") == true, "\(cinder.message ?? "")")
        #expect(try fleet.pushedCommit("cinder") == nil)
    }

    @Test("credentials in a review URL never reach output or the report")
    func credentialsRedacted() throws {
        let fleet = try PushFixture(names: ["nova"]) { _, _ in "https://bot:s3cret-token@127.0.0.1:1/openstack/nova" }
        defer { fleet.directory.remove() }
        #expect(try runFleet(["run", fleet.manifest.path]).status == 0)
        let dry = try runFleet(["push", fleet.manifest.path, "--dry-run"])
        #expect(dry.stdout.contains("https://bot:***@127.0.0.1:1/openstack/nova"))
        let push = try runFleet(["push", fleet.manifest.path])
        #expect(push.status == 1)
        let report = try String(
            contentsOf: fleet.directory.url.appendingPathComponent(".fleet/report/summary.json"), encoding: .utf8)
        for text in [dry.stdout, dry.stderr, push.stdout, push.stderr, report] {
            #expect(!text.contains("s3cret-token"))
        }
    }
}
