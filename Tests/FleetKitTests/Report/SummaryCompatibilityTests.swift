import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("summary.json written by the first release")
struct SummaryCompatibilityTests {
    /// A repo object exactly as the first release wrote it: no `plan`, `rewriter`, `highlights`, `steps`.
    static let v1Text = #"""
        {
          "durationSeconds" : 1.5, "goal" : "Migrate from wsgi scripts to module paths",
          "repos" : [ {
              "baseCommit" : "1111111111111111111111111111111111111111", "branch" : "remove-wsgi_scripts",
              "changeId" : "I2222222222222222222222222222222222222222",
              "commit" : "3333333333333333333333333333333333333333", "criteriaMet" : true,
              "durationSeconds" : 0.4, "entryPointsRemoved" : true,
              "followUps" : [ { "file" : "devstack/lib/nova", "line" : 3, "reason" : "uses the script" } ],
              "message" : null, "name" : "openstack/nova", "package" : "nova", "path" : "/w/openstack/nova",
              "releaseNote" : "releasenotes/notes/add-nova-wsgi-module-0123456789abcdef.yaml",
              "servers" : [ { "file" : "nova/wsgi/osapi_compute.py", "module" : "nova.wsgi.osapi_compute",
                  "script" : "nova-api-wsgi", "target" : "nova.api.openstack.compute.wsgi:init_application" } ],
              "status" : "migrated", "targetBranch" : "master", "team" : "nova", "pushed" : true,
              "reviewUrl" : "https://review.opendev.org/q/I2222222222222222222222222222222222222222" } ],
          "schema" : "fleet.summary/v1", "started" : "2026-11-01T10:00:00Z", "topic" : "remove-wsgi_scripts",
          "totals" : { "already-migrated" : 0, "failed" : 0, "migrated" : 1, "needs-attention" : 0,
              "not-applicable" : 0, "repos" : 1, "up-to-date" : 0 }
        }
        """#

    @Test("loads through the checked loader, with the module paths as highlights and the wsgi fields kept in place")
    func loadsAndKeepsFields() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-tests")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("summary.json")
        try Data(Self.v1Text.utf8).write(to: file)
        let summary = try SummaryFile.load(from: file)
        let nova = try #require(summary.repos.first)
        #expect(summary.rewriter == nil && summary.plan == nil)
        #expect(nova.highlights == ["nova.wsgi.osapi_compute"])
        #expect(nova.criteriaMet == true)
        #expect(nova.wsgi?.servers.map(\.module) == ["nova.wsgi.osapi_compute"])
        #expect(nova.wsgi?.package == "nova")
        #expect(summary.presentation.highlightsTitle == "New module paths")

        let written = try JSONSerialization.jsonObject(with: summary.jsonData()) as? [String: Any]
        let repo = try #require((written?["repos"] as? [[String: Any]])?.first)
        for key in ["package", "servers", "entryPointsRemoved", "releaseNote", "followUps", "criteriaMet", "pushed"] {
            #expect(repo[key] != nil, "\(key) moved")
        }
        #expect(repo["details"] == nil)
        let markdown = try MarkdownReportFormatter().render(summary)
        #expect(markdown.contains("`nova.wsgi.osapi_compute`"))
    }

    @Test("a rewriter's unknown details survive a load and a write unchanged")
    func unknownDetailsSurvive() throws {
        var result = RepoResult(name: "x/y", status: .migrated, path: "/w/x/y", branch: "b")
        result.details = ["command": .object(["exitStatus": .int(0), "output": .string("done\n")])]
        result.highlights = ["3 files"]
        let summary = Summary(
            plan: "mine", rewriter: "someone-elses", goal: "g", topic: "t", started: Date(), durationSeconds: 1,
            repos: [result])
        let decoded = try JSONDecoder().decode(Summary.self, from: summary.jsonData())
        #expect(decoded == summary)
        #expect(decoded.presentation == .generic)
    }
}
