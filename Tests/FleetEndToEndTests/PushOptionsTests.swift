import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet push options and pace", .tags(.e2e, .git))
struct PushOptionsTests {
    /// Service remotes, and one bare "Gerrit" repository per service under `gerrit/` whose review URL `reviewURL` makes.
    private static func makeFleet(
        _ names: [String], in directory: URL, reviewURL: (String, URL) -> String
    ) throws -> (manifest: URL, reviews: [String: URL]) {
        var text = "version: 1\nplan: remove-wsgi_scripts\ndefaults:\n  branch: master\nrepos:\n"
        var reviews: [String: URL] = [:]
        for name in names {
            let remote = try FixtureRemote(in: directory, name: name, files: serviceFiles(name: name))
            let review = directory.appendingPathComponent("gerrit/openstack/\(name).git")
            _ = try Repository.create(at: review.path, bare: true)
            reviews[name] = review
            text +=
                "  - name: openstack/\(name)\n    url: \(remote.bareURL.path)\n    review: \(reviewURL(name, review))\n"
        }
        let manifest = directory.appendingPathComponent("manifest.yaml")
        try Data(text.utf8).write(to: manifest)
        return (manifest, reviews)
    }

    @Test("--wip, --reviewer, --cc and --hashtag land in the refspec as Gerrit reads them")
    func refspec() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-push-options")
        defer { directory.remove() }
        let fleet = try Self.makeFleet(["nova"], in: directory.url) { _, review in review.path }
        #expect(try runFleet(["run", fleet.manifest.path]).status == 0)
        let options = [
            "--wip", "--reviewer", "a@example.org", "--reviewer", "c@example.org", "--cc", "b@example.org",
            "--hashtag", "wsgi", "--hashtag", "goal-2026",
        ]
        let ref =
            "refs/for/master%topic=remove-wsgi_scripts,wip,r=a@example.org,r=c@example.org,cc=b@example.org,"
            + "hashtag=wsgi,hashtag=goal-2026"
        let dry = try runFleet(["push", fleet.manifest.path, "--dry-run"] + options)
        #expect(dry.stdout.contains("refs/heads/remove-wsgi_scripts:\(ref)"), "\(dry.stdout)")
        let push = try runFleet(["push", fleet.manifest.path] + options)
        #expect(push.status == 0, "\(push.stdout)\(push.stderr)")
        let review = try Repository.open(at: try #require(fleet.reviews["nova"]).path)
        #expect(
            try review.referenceTarget(ref)?.hex
                == (try SummaryFile.load(
                    from: directory.url.appendingPathComponent(".fleet/report/summary.json")
                ).repos.first?.commit))

        for bad in [["push", "--wip", "--ready"], ["push", "--hashtag", "a,b"], ["run", "--wip"]] {
            let output = try runFleet([bad[0], fleet.manifest.path] + bad.dropFirst())
            #expect(output.status == 64, "\(bad)")
        }
        let ready = try runFleet(["run", fleet.manifest.path, "--force", "--push", "--ready", "--hashtag", "x"])
        #expect(ready.status == 0, "\(ready.stdout)\(ready.stderr)")
        #expect(try review.referenceTarget("refs/for/master%topic=remove-wsgi_scripts,ready,hashtag=x") != nil)
    }

    @Test("--pace keeps at least that long between two pushes to one host, as the host's hooks saw them")
    func pace() throws {
        try #require(gitDaemonExecutable != nil, "git-daemon is not installed")
        let directory = try TemporaryDirectory(prefix: "fleet-push-pace")
        defer { directory.remove() }
        let base = directory.url.appendingPathComponent("gerrit")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let daemon = try GitDaemon(basePath: base)
        defer { daemon.stop() }
        let names = ["nova", "heat", "glance", "cinder"]
        let fleet = try Self.makeFleet(names, in: directory.url) { name, _ in daemon.url("openstack/\(name).git") }
        let log = directory.url.appendingPathComponent("push-times.log")
        for review in fleet.reviews.values {
            let hook = review.appendingPathComponent("hooks/post-receive")
            try Data("#!/bin/sh\ndate +%s.%N >> '\(log.path)'\n".utf8).write(to: hook)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        }
        #expect(try runFleet(["run", fleet.manifest.path]).status == 0)
        let push = try runFleet(["push", fleet.manifest.path, "--pace", "0.3"])
        #expect(push.status == 0, "\(push.stdout)\(push.stderr)\n\(daemon.server.log())")
        let times = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").compactMap { Double($0) }
            .sorted()
        #expect(times.count == names.count)
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 >= 0.3 }, "gaps between pushes: \(gaps)")
    }
}
