import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("two goals over one workspace", .tags(.e2e, .git))
struct TwoGoalsTests {
    @Test("each goal keeps its branch, state and report; an up-to-date re-run puts the clone back on its branch")
    func goalsShareClones() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 0)
        let wsgi = try #require(try fleet.result("openstack/nova")?.commit)

        let pbr = try fleet.run(["--plan", "pyproject-pbr"])
        #expect(pbr.status == 0, "\(pbr.stderr)")
        let pbrSummary = try SummaryFile.load(
            from: fleet.workspace.appendingPathComponent("report-pyproject-pbr/summary.json"))
        #expect(pbrSummary.plan == "pyproject-pbr")
        #expect(pbrSummary.repos.first?.status == .migrated)
        #expect(pbrSummary.repos.first?.changedFiles == ["pyproject.toml"])
        let clone = try fleet.clone("openstack/nova")
        #expect(try clone.currentBranch() == "pyproject-pbr")
        // The other goal's report is untouched.
        #expect(try fleet.result("openstack/nova")?.commit == wsgi)

        let again = try fleet.run()
        #expect(again.status == 0, "\(again.stderr)")
        let result = try #require(try fleet.result("openstack/nova"))
        #expect(result.status == .upToDate)
        #expect(result.commit == wsgi)
        #expect(try clone.currentBranch() == "remove-wsgi_scripts")
        #expect(
            try clone.referenceTarget("refs/heads/pyproject-pbr")
                == pbrSummary.repos.first?.commit.flatMap(ObjectID.init(hex:)))
    }

    @Test("a run killed mid-way under one goal is repaired by the next run of the other goal")
    func otherGoalRepairs() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 0)
        // What a kill of the wsgi goal mid-rewrite leaves: its marker, a half-written tree and a stale lock.
        let nova = fleet.workspace.appendingPathComponent("repos/openstack/nova")
        try Data(#"{"isRewriting":true}"#.utf8).write(
            to: fleet.workspace.appendingPathComponent("state/remove-wsgi_scripts/openstack__nova.inflight"))
        try writeFiles(["nova/wsgi/half.py": "application = "], under: nova)
        try Data().write(to: nova.appendingPathComponent(".git/index.lock"))

        let pbr = try fleet.run(["--plan", "pyproject-pbr"])
        #expect(pbr.status == 0, "\(pbr.stdout)\n\(pbr.stderr)")
        #expect(!FileManager.default.fileExists(atPath: nova.appendingPathComponent(".git/index.lock").path))
        #expect(!FileManager.default.fileExists(atPath: nova.appendingPathComponent("nova/wsgi/half.py").path))
    }
}
