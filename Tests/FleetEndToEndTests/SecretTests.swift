import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// Credentials written into manifest URLs stay in memory: never in the workspace, the report or the output.
@Suite("fleet run and push: credentials in URLs", .tags(.e2e, .git))
struct SecretTests {
    @Test("a git:// url with user:password clones, fetches and reports without the password landing anywhere")
    func gitURL() throws {
        let fleet = try RunFixture(names: [])
        defer { fleet.directory.remove() }
        let served = fleet.directory.url.appendingPathComponent("served")
        _ = try FixtureRemote(in: served, name: "nova", files: serviceFiles(name: "nova"))
        try withGitDaemon(basePath: served) { daemon in
            let url = daemon.url("nova.git").replacingOccurrences(of: "git://", with: "git://tok:s3cret@")
            let manifest = try writeManifest(in: fleet.directory.url, repos: [("openstack/nova", url)])
            for _ in 0..<2 {  // a clone, then a fetch
                let output = try runFleet(["run", manifest.path])
                #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
                #expect(!(output.stdout + output.stderr).contains("s3cret"))
            }
            #expect(try fleet.result("openstack/nova")?.status == .upToDate)
            #expect(try fleet.clone("openstack/nova").remoteURL() == daemon.url("nova.git"))
            #expect(filesContaining("s3cret", under: fleet.workspace) == [])
        }
    }

    @Test("an http:// url with user:password sends them to the server, and they land nowhere")
    func httpURL() throws {
        let fleet = try RunFixture(names: [])
        defer { fleet.directory.remove() }
        let served = fleet.directory.url.appendingPathComponent("served")
        _ = try FixtureRemote(in: served, name: "nova", files: serviceFiles(name: "nova"))
        try withGitHTTPServer(basePath: served, user: "fleet", password: "s3cret") { server in
            let manifest = try writeManifest(
                in: fleet.directory.url, repos: [("openstack/nova", server.url("nova.git", userInfo: "fleet:s3cret@"))])
            let output = try runFleet(["run", manifest.path])
            #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
            #expect(server.authorizations().contains("Basic " + Data("fleet:s3cret".utf8).base64EncodedString()))
            #expect(!(output.stdout + output.stderr).contains("s3cret"))
            #expect(filesContaining("s3cret", under: fleet.workspace) == [])
        }
    }

    @Test("push --dry-run redacts a review url's user info, a token alone included")
    func pushDryRun() throws {
        let fleet = try RunFixture(names: ["nova", "heat"])
        defer { fleet.directory.remove() }
        var text = try String(contentsOf: fleet.manifest, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  - name: openstack/heat\n",
            with: "  - name: openstack/heat\n    review: http://t0ken@127.0.0.1:1/heat\n")
        text = text.replacingOccurrences(
            of: "  - name: openstack/nova\n",
            with: "  - name: openstack/nova\n    review: https://bot:s3cret@127.0.0.1:1/nova\n")
        try Data(text.utf8).write(to: fleet.manifest)
        #expect(try fleet.run().status == 0)
        let dry = try runFleet(["push", fleet.manifest.path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
        #expect(dry.stdout.contains("git push http://***@127.0.0.1:1/heat "), "\(dry.stdout)")
        #expect(dry.stdout.contains("git push https://bot:***@127.0.0.1:1/nova "), "\(dry.stdout)")
        #expect(!(dry.stdout + dry.stderr).contains("t0ken") && !(dry.stdout + dry.stderr).contains("s3cret"))
    }
}
