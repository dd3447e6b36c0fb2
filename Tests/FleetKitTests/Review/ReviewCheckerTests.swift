import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet status against a Gerrit stand-in", .tags(.python))
struct ReviewCheckerTests {
    private static let manifestYAML = """
        version: 1
        plan: remove-wsgi_scripts
        defaults:
          base_url: https://opendev.org/
          branch: master
        repos:
          - name: openstack/nova
          - name: openstack/heat
          - name: openstack/glance
          - name: openstack/cinder
          - name: openstack/swift
          - name: openstack/zun
          - name: openstack/aodh
        """

    private static func id(_ digit: Character) -> String { "I" + String(repeating: digit, count: 40) }

    private static func repo(_ name: String, _ digit: Character) -> RepoResult {
        RepoResult(
            name: "openstack/\(name)", status: .migrated, path: "/nonexistent/\(name)", branch: "remove-wsgi_scripts",
            targetBranch: "master", commit: String(repeating: "c", count: 40), changeId: id(digit))
    }

    private static func summary() -> Summary {
        Summary(
            goal: "Migrate from wsgi scripts to module paths", topic: "remove-wsgi_scripts",
            started: Date(timeIntervalSince1970: 0), durationSeconds: 1,
            repos: [
                repo("nova", "1"), repo("heat", "2"), repo("glance", "3"), repo("cinder", "4"), repo("swift", "5"),
                repo("zun", "6"),
                RepoResult(name: "openstack/aodh", status: .notApplicable, path: "/nonexistent/aodh", branch: "b"),
            ])
    }

    private static let verifiedPlus =
        #"{"Verified": {"approved": {"_account_id": 9}}, "Code-Review": {"all": [{"value": 2}, {"value": 1}]}, "Workflow": {"approved": {"_account_id": 8}}}"#
    private static let verifiedMinus =
        #"{"Verified": {"rejected": {"_account_id": 9}}, "Code-Review": {"disliked": {"_account_id": 7}, "value": -1}, "Workflow": {}}"#

    /// Every status, WIP, failing CI, decoys (same Change-Id in another project, on another branch, in another topic).
    private static let changes = [
        GerritStandIn.change(number: 101, changeId: id("1"), project: "openstack/nova", labels: verifiedPlus),
        GerritStandIn.change(
            number: 102, changeId: id("2"), project: "openstack/heat", status: "MERGED", submittable: false),
        GerritStandIn.change(number: 103, changeId: id("3"), project: "openstack/glance", status: "ABANDONED"),
        GerritStandIn.change(number: 104, changeId: id("4"), project: "openstack/cinder", workInProgress: true),
        GerritStandIn.change(number: 105, changeId: id("6"), project: "openstack/zun", labels: verifiedMinus),
        // Decoys: swift's Change-Id in another project, on another branch, and in another topic.
        GerritStandIn.change(number: 201, changeId: id("5"), project: "openstack/swift-bench"),
        GerritStandIn.change(number: 202, changeId: id("5"), project: "openstack/swift", branch: "stable/2026.1"),
        GerritStandIn.change(number: 203, changeId: id("5"), project: "openstack/swift", topic: "other-goal"),
        // And nova's Change-Id on another branch.
        GerritStandIn.change(number: 204, changeId: id("1"), project: "openstack/nova", branch: "stable/2026.1"),
    ]

    private func manifest() throws -> Manifest {
        try ManifestLoader.load(yaml: Self.manifestYAML, file: URL(fileURLWithPath: "/tmp/fleet-status-manifest.yaml"))
    }

    @Test("records every status, WIP and each vote rule, skips decoys, pages with n and S in one query per host")
    func statuses() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-gerrit")
        defer { directory.remove() }
        let gerrit = try GerritStandIn(in: directory.url, changes: Self.changes, pageSize: 2)
        defer { gerrit.stop() }
        var options = ReviewChecker.Options(gerritURL: gerrit.url, environment: [:], pageSize: 3)
        options.timeout = 10
        let outcome = ReviewTracker.check(
            Self.summary(), checker: ReviewChecker(manifest: try manifest(), options: options),
            now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(outcome.problems.isEmpty)
        let reviews = Dictionary(uniqueKeysWithValues: outcome.summary.repos.map { ($0.name, $0.review) })
        let nova = try #require(reviews["openstack/nova"]??.change)
        #expect(
            nova
                == ChangeReview(
                    number: 101, url: "\(gerrit.url)c/openstack/nova/+/101", status: .new, verified: 1, codeReview: 2,
                    workflow: 1, updated: "2026-11-30T10:12:13Z", checked: "2027-01-15T08:00:00Z"))
        #expect(reviews["openstack/heat"]??.change?.status == .merged)
        #expect(reviews["openstack/glance"]??.change?.status == .abandoned)
        let cinder = try #require(reviews["openstack/cinder"]??.change)
        #expect(cinder.workInProgress && cinder.state == .workInProgress)
        let zun = try #require(reviews["openstack/zun"]??.change)
        #expect(zun.verified == -1 && zun.codeReview == -1 && zun.workflow == 0 && zun.state == .failingCI)
        #expect(reviews["openstack/swift"] == .some(.notFound))
        #expect(reviews["openstack/aodh"] == .some(nil))  // no Change-Id: not asked
        #expect(outcome.summary.totals.reviews == ReviewTotals(open: 3, merged: 1, abandoned: 1, none: 1))

        // 8 changes of the topic at 2 a page: 4 pages, S counting what came, all anonymous, one query in all.
        let requests = try gerrit.requests()
        #expect(requests.map(\.method) == ["GET", "GET", "GET", "GET"])
        #expect(
            requests.allSatisfy {
                !$0.authenticated
                    && $0.path.hasPrefix("/changes/?q=topic:remove-wsgi_scripts&o=LABELS&o=SUBMITTABLE&n=3&S=")
            })
        #expect(requests.map { $0.path.components(separatedBy: "&S=").last } == ["0", "2", "4", "6"])
    }

    @Test("credentials ask /a/ with basic auth; a wrong token is 401, said without the token")
    func authenticated() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-gerrit")
        defer { directory.remove() }
        let gerrit = try GerritStandIn(in: directory.url, changes: Self.changes, pageSize: 50)
        defer { gerrit.stop() }
        let good = ReviewChecker.Options(gerritURL: gerrit.url, environment: gerrit.credentials)
        let outcome = ReviewTracker.check(
            Self.summary(), checker: ReviewChecker(manifest: try manifest(), options: good))
        #expect(outcome.problems.isEmpty)
        #expect(try gerrit.requests().map { "\($0.authenticated) \($0.path.prefix(11))" } == ["true /a/changes/"])

        let wrongToken = "wrong-\(gerrit.token)"
        let bad = ReviewChecker.Options(
            gerritURL: gerrit.url, environment: ["FLEET_HTTP_USER": gerrit.user, "FLEET_HTTP_TOKEN": wrongToken])
        let refused = ReviewTracker.check(
            outcome.summary, checker: ReviewChecker(manifest: try manifest(), options: bad))
        #expect(refused.problems.count == 6)
        let message = try #require(refused.problems["openstack/nova"])
        #expect(
            message == "cannot ask \(gerrit.url): not allowed (HTTP 401): check FLEET_HTTP_USER and FLEET_HTTP_TOKEN")
        #expect(!message.contains(wrongToken))
        #expect(refused.summary.repos == outcome.summary.repos)  // previous reviews kept
    }

    @Test("abandon sends nothing for a change it found merged, and reports Gerrit's 409 for one merged since")
    func abandonMerged() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-gerrit")
        defer { directory.remove() }
        let changes = [
            GerritStandIn.change(number: 101, changeId: Self.id("1"), project: "openstack/nova"),
            GerritStandIn.change(number: 102, changeId: Self.id("2"), project: "openstack/heat", status: "MERGED"),
            GerritStandIn.change(
                number: 103, changeId: Self.id("3"), project: "openstack/glance", mergesBeforeAbandon: true),
        ]
        let gerrit = try GerritStandIn(in: directory.url, changes: changes, pageSize: 50)
        defer { gerrit.stop() }
        let options = ReviewChecker.Options(gerritURL: gerrit.url, environment: gerrit.credentials)
        let outcome = ChangeAbandoner.abandon(
            Self.summary(), checker: ReviewChecker(manifest: try manifest(), options: options),
            only: ["openstack/nova", "openstack/heat", "openstack/glance"], message: nil, dryRun: false)
        #expect(outcome.hasFailures)
        let lines = Dictionary(uniqueKeysWithValues: outcome.lines.map { ($0.name, $0.text) })
        #expect(lines["openstack/nova"] == "abandoned change 101 \(gerrit.url)c/openstack/nova/+/101")
        #expect(lines["openstack/heat"] == "cannot abandon merged change 102 \(gerrit.url)c/openstack/heat/+/102")
        #expect(lines["openstack/glance"] == "error: cannot abandon change 103: change is merged (HTTP 409)")
        let posts = try gerrit.requests().filter { $0.method == "POST" }.map(\.path)
        #expect(posts == ["/a/changes/openstack%2Fnova~101/abandon", "/a/changes/openstack%2Fglance~103/abandon"])
    }

    @Test("a redirect is not followed, so the token never reaches the other host; the repo's error names the 302")
    func redirect() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-gerrit")
        defer { directory.remove() }
        // The target: a Gerrit stand-in that logs every request and whether it carried the credentials.
        let gerrit = try GerritStandIn(in: directory.url, changes: Self.changes, pageSize: 50)
        defer { gerrit.stop() }
        let script = directory.url.appendingPathComponent("redirector.py")
        try Data(
            """
            import sys
            from http.server import HTTPServer, BaseHTTPRequestHandler
            port, target = int(sys.argv[1]), sys.argv[2]
            class Handler(BaseHTTPRequestHandler):
                def do_GET(self):
                    self.send_response(302)
                    self.send_header("Location", target + self.path.lstrip("/"))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                def log_message(self, *args):
                    pass
            HTTPServer(("127.0.0.1", port), Handler).serve_forever()
            """.utf8
        ).write(to: script)
        let redirector = try ServerProcess.start(
            "/usr/bin/env", logURL: directory.url.appendingPathComponent("redirector.log")
        ) { port in ["python3", script.path, "\(port)", gerrit.url] }
        defer { redirector.stop() }
        let base = "http://127.0.0.1:\(redirector.port)/"
        let options = ReviewChecker.Options(gerritURL: base, environment: gerrit.credentials)
        let outcome = ReviewTracker.check(
            Self.summary(), checker: ReviewChecker(manifest: try manifest(), options: options))
        let message = try #require(outcome.problems["openstack/nova"])
        #expect(message.contains("redirected (HTTP 302) to \(gerrit.url)a/changes/"), "\(message)")
        #expect(!message.contains(gerrit.token))
        #expect(try gerrit.requests().isEmpty)
    }

    @Test("credentials go to an https Gerrit or to this machine over http, never over http to another host")
    func plainHTTP() throws {
        let client = GerritClient(
            base: "http://gerrit.example.org/", credentials: GerritCredentials(user: "bot", token: "secret"),
            timeout: 1)
        #expect(throws: GerritError.self) { _ = try client.changes(topic: "t") }
        do {
            _ = try client.abandon(project: "p", number: 1, message: nil)
            Issue.record("abandon sent credentials over plain http")
        } catch {
            #expect(error.message.contains("it is not https"))
            #expect(!error.message.contains("secret"))
        }
    }

    @Test("a host that refuses connections, and one that never answers, are their repos' messages")
    func deadHosts() throws {
        let silent = try SilentListener()
        let refusing = try freeLocalPort()
        for (url, expected) in [
            ("http://127.0.0.1:\(refusing)/", "connection refused"), (silent.url, "no answer within 1 s"),
        ] {
            var options = ReviewChecker.Options(gerritURL: url, environment: ["FLEET_HTTP_TIMEOUT": "1"])
            options.pageSize = 10
            let outcome = ReviewTracker.check(
                Self.summary(), checker: ReviewChecker(manifest: try manifest(), options: options),
                only: ["openstack/nova", "openstack/heat"])
            #expect(outcome.checked == ["openstack/nova", "openstack/heat"])
            #expect(
                outcome.problems == [
                    "openstack/nova": "cannot ask \(url): \(expected)",
                    "openstack/heat": "cannot ask \(url): \(expected)",
                ])
            #expect(outcome.summary.repos.allSatisfy { $0.review == nil })
        }
    }

    @Test("the project comes from the clone's .gitreview (without .git); the Gerrit from the manifest's gerrit: key")
    func gitReviewProject() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-gerrit")
        defer { directory.remove() }
        let remote = try FixtureRemote(
            in: directory.url, name: "nova",
            files: [
                "setup.cfg": "[metadata]\nname = nova\n",
                ".gitreview": "[gerrit]\nhost=review.example.org\nproject=openstack/nova-renamed.git\n",
            ])
        let gerrit = try GerritStandIn(
            in: directory.url,
            changes: [
                GerritStandIn.change(number: 7, changeId: Self.id("1"), project: "openstack/nova"),
                GerritStandIn.change(
                    number: 8, changeId: Self.id("1"), project: "openstack/nova-renamed", status: "MERGED"),
            ])
        defer { gerrit.stop() }
        let yaml =
            "version: 1\nplan: remove-wsgi_scripts\ndefaults:\n  gerrit: \(gerrit.url)\nrepos:\n"
            + "  - name: openstack/nova\n    url: \(remote.bareURL.path)\n"
        let manifest = try ManifestLoader.load(yaml: yaml, file: directory.url.appendingPathComponent("m.yaml"))
        #expect(manifest.repos.first?.gerrit == gerrit.url)
        var repo = Self.repo("nova", "1")
        repo.path = remote.workURL.path
        repo.commit = try remote.tip().hex
        let summary = Summary(
            goal: "g", topic: "remove-wsgi_scripts", started: Date(), durationSeconds: 0, repos: [repo])
        let outcome = ReviewTracker.check(
            summary, checker: ReviewChecker(manifest: manifest, options: .init(environment: [:])))
        #expect(outcome.problems.isEmpty)
        #expect(outcome.summary.repos.first?.review?.change?.number == 8)
        #expect(outcome.summary.repos.first?.review?.change?.url == "\(gerrit.url)c/openstack/nova-renamed/+/8")
    }
}
