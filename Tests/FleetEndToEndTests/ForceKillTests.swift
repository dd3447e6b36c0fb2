import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// A `--force` re-run moves the review branch back to its base before rewriting: a kill right there must never make
/// the next run trust its records over the repository (issue 12, item 1).
@Suite("fleet run --force killed", .tags(.e2e, .git))
struct ForceKillTests {
    @Test("a repo left with its review branch reset to the base is redone, and its commit is the branch's real tip")
    func resetBranchIsRedone() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 0)
        let first = try #require(try fleet.result("openstack/nova"))
        let old = try #require(first.commit.flatMap(ObjectID.init(hex:)))
        let base = try #require(first.baseCommit.flatMap(ObjectID.init(hex:)))

        // What a kill between "record the old tip" and "rewrite" leaves: the marker, and the branch at the base.
        let clone = try fleet.clone("openstack/nova")
        try clone.checkoutDetached(base)
        try clone.createBranch("remove-wsgi_scripts", at: base, force: true)
        try clone.checkout(branch: "remove-wsgi_scripts")
        let marker = fleet.workspace.appendingPathComponent("state/remove-wsgi_scripts/openstack__nova.inflight")
        try Data(#"{"previousBranchTip":"\#(old.hex)","isRewriting":true}"#.utf8).write(to: marker)

        let output = try fleet.run()
        #expect(output.status == 0, "\(output.stderr)")
        let result = try #require(try fleet.result("openstack/nova"))
        #expect(result.status == .migrated)
        let (reopened, tip) = try fleet.expectReviewBranchReady(result)
        #expect(try reopened.referenceTarget("refs/heads/remove-wsgi_scripts") == tip)
        #expect(tip != base)
        // The same change: the identical old commit is kept, so Gerrit gets no new patch set.
        #expect(tip == old)
        #expect(result.changeId == first.changeId)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test("an already-migrated repo left on an empty review branch by a kill goes back to its target branch")
    func strayEmptyBranchIsRemoved() throws {
        var files = serviceFiles(name: "placement")
        files["setup.cfg"] = "[metadata]\nname = placement\n\n[files]\npackages =\n    placement\n"
        files["placement/wsgi/__init__.py"] = ""
        files["placement/wsgi/api.py"] = "from placement import deploy\n\napplication = deploy.loadapp()\n"
        let directory = try TemporaryDirectory(prefix: "fleet-e2e")
        defer { directory.remove() }
        let remote = try FixtureRemote(in: directory.url, name: "placement", files: files)
        let manifest = try writeManifest(in: directory.url, repos: [("openstack/placement", remote.bareURL.path)])
        #expect(try runFleet(["run", manifest.path]).status == 0)
        let workspace = directory.url.appendingPathComponent(".fleet")
        let clone = try Repository.open(at: workspace.appendingPathComponent("repos/openstack/placement").path)
        let base = try #require(try clone.referenceTarget("refs/remotes/origin/master"))
        try clone.createBranch("remove-wsgi_scripts", at: base, force: true)
        try clone.checkout(branch: "remove-wsgi_scripts")
        try Data(#"{"isRewriting":true}"#.utf8).write(
            to: workspace.appendingPathComponent("state/remove-wsgi_scripts/openstack__placement.inflight"))

        let output = try runFleet(["run", manifest.path])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try SummaryFile.load(from: workspace.appendingPathComponent("report/summary.json"))
        #expect(summary.repos.first?.status == .alreadyMigrated)
        #expect(try clone.currentBranch() == "master")
        #expect(try !clone.branchExists("remove-wsgi_scripts"))
    }

    @Test("kill -9 at random moments of --force re-runs: every next run reports each branch's real tip")
    func randomKillsOfForceRuns() throws {
        let names = (1...6).map { "svc\($0)" }
        let fleet = try RunFixture(names: names)
        defer { fleet.directory.remove() }
        #expect(try fleet.run(["--jobs", "2", "--quiet"]).status == 0)
        let states = fleet.workspace.appendingPathComponent("state/remove-wsgi_scripts")
        var landedMidWork = 0
        for round in 0..<3 {
            let process = Process()
            process.executableURL = fleetExecutable
            process.environment = ProcessInfo.processInfo.environment.merging(fleetTestIdentity) { $1 }
            process.arguments = ["run", fleet.manifest.path, "--force", "--jobs", "2", "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until some repo is in flight, then a little longer, different each round.
            let deadline = Date().addingTimeInterval(30)
            var inFlight = false
            while Date() < deadline, process.isRunning, !inFlight {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: states.path)) ?? []
                inFlight = files.contains { $0.hasSuffix(".inflight") }
                if !inFlight { usleep(1_000) }
            }
            usleep(useconds_t(Int.random(in: 0...40_000) + round * 10_000))
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if wasRunning && inFlight { landedMidWork += 1 }

            let output = try fleet.run(["--jobs", "2", "--quiet"])
            #expect(output.status == 0, "\(output.stderr)")
            for result in try fleet.summary().repos {
                #expect(result.status == .migrated || result.status == .upToDate)
                let (clone, tip) = try fleet.expectReviewBranchReady(result)
                #expect(try clone.referenceTarget("refs/heads/remove-wsgi_scripts") == tip)
            }
        }
        #expect(landedMidWork > 0, "no kill landed while a repo was in flight")
    }
}
