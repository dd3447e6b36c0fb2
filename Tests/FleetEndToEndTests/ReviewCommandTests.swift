import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet status and fleet abandon", .tags(.e2e, .git, .python))
struct ReviewCommandTests {
    private static let verifiedPlus =
        #"{"Verified": {"approved": {"_account_id": 9}}, "Code-Review": {"recommended": {"_account_id": 7}, "value": 1}, "Workflow": {}}"#

    /// Runs fleet on nova, heat and glance, then starts a stand-in where nova's change is open, heat's merged and
    /// glance has none.
    private static func runAndServe(_ fleet: RunFixture) throws -> GerritStandIn {
        let run = try fleet.run()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let summary = try fleet.summary()
        func id(_ name: String) throws -> String {
            try #require(summary.repos.first { $0.name == "openstack/\(name)" }?.changeId)
        }
        return try GerritStandIn(
            in: fleet.directory.url,
            changes: [
                GerritStandIn.change(
                    number: 11, changeId: try id("nova"), project: "openstack/nova", labels: verifiedPlus),
                GerritStandIn.change(number: 12, changeId: try id("heat"), project: "openstack/heat", status: "MERGED"),
                GerritStandIn.change(number: 13, changeId: try id("glance"), project: "openstack/glance-decoy"),
            ])
    }

    private func reportFiles(_ fleet: RunFixture) throws -> [String] {
        let folder = fleet.workspace.appendingPathComponent("report")
        let names = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
        return try names.compactMap { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return !exists || isDirectory.boolValue
                ? nil : try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
    }

    @Test("status records review and totals, re-renders, appends history, prints the table; the token never shows")
    func status() throws {
        let fleet = try RunFixture(names: ["nova", "heat", "glance"])
        defer { fleet.directory.remove() }
        let gerrit = try Self.runAndServe(fleet)
        defer { gerrit.stop() }
        let output = try runFleet(
            ["status", fleet.manifest.path, "--gerrit-url", gerrit.url], environment: gerrit.credentials)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "repo              review     Verified  Code-Review  Workflow  URL")
        #expect(
            lines.contains(
                "openstack/nova    in review  +1        +1           0         \(gerrit.url)c/openstack/nova/+/11"))
        #expect(
            lines.contains(
                "openstack/heat    merged     0         0            0         \(gerrit.url)c/openstack/heat/+/12"))
        #expect(lines.contains("openstack/glance  no change"))
        #expect(lines.contains("reviews: 1 merged, 1 open, 0 abandoned, 1 without a change"))
        // Three changes of the topic at two a page: one query in two pages, both authenticated.
        #expect(try gerrit.requests().map(\.authenticated) == [true, true])

        let summary = try fleet.summary()
        #expect(summary.totals.reviews == ReviewTotals(open: 1, merged: 1, abandoned: 0, none: 1))
        #expect(try fleet.result("openstack/glance")?.review == .notFound)
        let report = fleet.workspace.appendingPathComponent("report")
        let history = ReportHistory.load(from: report)
        #expect(history.count == 2)
        #expect(history.first?.totals.reviews == nil && history.last?.totals.reviews == summary.totals.reviews)
        let rst = try String(contentsOf: report.appendingPathComponent("status.rst"), encoding: .utf8)
        #expect(rst.contains("* ``openstack/heat``: merged, `change 12 <\(gerrit.url)c/openstack/heat/+/12>`__"))
        let html = try String(contentsOf: report.appendingPathComponent("summary.html"), encoding: .utf8)
        #expect(html.contains("<svg class=\"burndown\""))
        #expect(
            html.contains("<span class=\"badge r-merged\">merged</span> <a href=\"\(gerrit.url)c/openstack/heat/+/12\"")
        )
        let markdown = try String(contentsOf: report.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(
            markdown.contains(
                "in review [#11](\(gerrit.url)c/openstack/nova/+/11) · Verified +1 · Code-Review +1 · Workflow 0"))

        // A Gerrit that refuses connections: exit 1, the reason per repo, the previous review kept.
        let dead = "http://127.0.0.1:\(try freeLocalPort())/"
        let refused = try runFleet(
            ["status", fleet.manifest.path, "--gerrit-url", dead],
            environment: gerrit.credentials.merging(["FLEET_HTTP_TIMEOUT": "2"]) { $1 })
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "fleet: openstack/nova: cannot ask \(dead): connection refused; kept its previous review"))
        #expect(try fleet.summary().repos.map(\.review) == summary.repos.map(\.review))

        // A re-run keeps the reviews of unchanged Change-Ids, and adds its own history line.
        #expect(try fleet.run(["--force"]).status == 0)
        #expect(try fleet.summary().totals.reviews == summary.totals.reviews)
        #expect(ReportHistory.load(from: report).count == 4)

        for text in [output.stdout, output.stderr, refused.stdout, refused.stderr] + (try reportFiles(fleet)) {
            #expect(!text.contains(gerrit.token))
        }
    }

    @Test("abandon needs credentials, abandons the open change, and refuses a merged one without asking, exit 1")
    func abandon() throws {
        let fleet = try RunFixture(names: ["nova", "heat", "glance"])
        defer { fleet.directory.remove() }
        let gerrit = try Self.runAndServe(fleet)
        defer { gerrit.stop() }
        let anonymous = try runFleet(["abandon", fleet.manifest.path, "--gerrit-url", gerrit.url])
        #expect(anonymous.status == 64)
        #expect(
            anonymous.stderr.contains(
                "fleet abandon needs Gerrit HTTP credentials: set FLEET_HTTP_USER and FLEET_HTTP_TOKEN"))
        #expect(try gerrit.requests().isEmpty)

        let dry = try runFleet(
            ["abandon", fleet.manifest.path, "--gerrit-url", gerrit.url, "--dry-run", "--only", "openstack/nova"],
            environment: gerrit.credentials)
        #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
        #expect(dry.stdout == "openstack/nova: would abandon change 11 \(gerrit.url)c/openstack/nova/+/11\n")
        #expect(try gerrit.requests().allSatisfy { $0.method == "GET" })

        let output = try runFleet(
            ["abandon", fleet.manifest.path, "--gerrit-url", gerrit.url, "--message", "Superseded by the new goal"],
            environment: gerrit.credentials)
        #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("openstack/nova: abandoned change 11 \(gerrit.url)c/openstack/nova/+/11"))
        #expect(
            output.stdout.contains("openstack/heat: cannot abandon merged change 12 \(gerrit.url)c/openstack/heat/+/12")
        )
        #expect(output.stdout.contains("openstack/glance: no change in Gerrit: nothing to abandon"))
        let posts = try gerrit.requests().filter { $0.method == "POST" }
        #expect(posts.map(\.path) == ["/a/changes/openstack%2Fnova~11/abandon"])
        #expect(posts.first?.body == #"{"message":"Superseded by the new goal"}"#)
        #expect(try fleet.result("openstack/nova")?.review?.change?.status == .abandoned)
        #expect(try fleet.result("openstack/heat")?.review?.change?.status == .merged)
        #expect(try fleet.summary().totals.reviews == ReviewTotals(open: 0, merged: 1, abandoned: 1, none: 1))
        for text in [output.stdout, output.stderr] + (try reportFiles(fleet)) {
            #expect(!text.contains(gerrit.token))
        }
    }

    @Test("bad input is exit 64: no summary.json yet, a bad gerrit: key, a bad --gerrit-url")
    func badInput() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        let noSummary = try runFleet(["status", fleet.manifest.path, "--gerrit-url", "http://127.0.0.1:1/"])
        #expect(noSummary.status == 64)
        #expect(noSummary.stderr.contains("summary.json: not a readable summary.json: cannot read the file"))
        let badURL = try runFleet(["status", fleet.manifest.path, "--gerrit-url", "ftp://x"])
        #expect(badURL.status == 64)
        let manifest = fleet.directory.url.appendingPathComponent("bad.yaml")
        try Data(
            "version: 1\nplan: remove-wsgi_scripts\ndefaults:\n  gerrit: review.example.org\nrepos:\n  - name: openstack/nova\n    url: /x\n"
                .utf8
        ).write(to: manifest)
        let badKey = try runFleet(["status", manifest.path])
        #expect(badKey.status == 64)
        #expect(
            badKey.stderr.contains(
                "bad.yaml:4:11: error: 'gerrit' 'review.example.org' is not an http:// or https:// URL with a host"))
    }
}
