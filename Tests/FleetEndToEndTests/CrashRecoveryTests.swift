import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet run after a crash", .tags(.e2e, .git))
struct CrashRecoveryTests {
    @Test("a run killed with SIGKILL mid-way, then re-run, ends correct with no leftover temporary clone")
    func killedRunRecovers() throws {
        let names = (1...10).map { "svc\($0)" }
        let fleet = try RunFixture(names: names)
        defer { fleet.directory.remove() }

        let process = Process()
        process.executableURL = fleetExecutable
        process.environment = ProcessInfo.processInfo.environment.merging(fleetTestIdentity) { $1 }
        process.arguments = ["run", fleet.manifest.path, "--jobs", "2", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stateFolder = fleet.workspace.appendingPathComponent("state/remove-wsgi_scripts")
        let deadline = Date().addingTimeInterval(30)
        // Kill as soon as the first repo has finished, while others are mid-flight.
        while Date() < deadline, process.isRunning {
            let states = (try? FileManager.default.contentsOfDirectory(atPath: stateFolder.path)) ?? []
            if states.contains(where: { $0.hasSuffix(".json") }) { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let output = try fleet.run(["--jobs", "2"])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        let summary = try fleet.summary()
        #expect(summary.repos.count == names.count)
        #expect(summary.repos.allSatisfy { $0.status == .migrated || $0.status == .upToDate })
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: fleet.workspace.appendingPathComponent("tmp").path)
        #expect(leftovers.isEmpty)
        let markers = try FileManager.default.contentsOfDirectory(atPath: stateFolder.path)
            .filter { $0.hasSuffix(".inflight") }
        #expect(markers.isEmpty)
        for result in summary.repos {
            try fleet.expectReviewBranchReady(result)
        }
    }

    @Test("a killed run's half-written tree and stale index lock are repaired; a person's edits never are")
    func inFlightMarkerRepairsOnlyOwnWork() throws {
        let fleet = try RunFixture(names: ["nova", "heat"])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 0)
        let state = fleet.workspace.appendingPathComponent("state")
        // nova: what a SIGKILL during rewrite leaves: a marker, a dirty tree, a stale index lock.
        let nova = fleet.workspace.appendingPathComponent("repos/openstack/nova")
        try Data(#"{"isRewriting":true}"#.utf8).write(to: state.appendingPathComponent("openstack__nova.inflight"))
        try writeFiles(["nova/wsgi/half.py": "application = ", "setup.cfg": "[metadata]\n"], under: nova)
        try Data().write(to: nova.appendingPathComponent(".git/index.lock"))
        // heat: the same dirty tree without a marker is a person's work.
        let heat = fleet.workspace.appendingPathComponent("repos/openstack/heat")
        try writeFiles(["heat/wsgi/mine.py": "application = None\n"], under: heat)

        let output = try fleet.run(["--force"])
        #expect(output.status == 1)
        #expect(try fleet.result("openstack/nova")?.status == .migrated)
        #expect(try fleet.clone("openstack/nova").isClean())
        #expect(!FileManager.default.fileExists(atPath: nova.appendingPathComponent(".git/index.lock").path))
        #expect(try fleet.result("openstack/heat")?.status == .needsAttention)
        #expect(readFile("heat/wsgi/mine.py", under: heat) == "application = None\n")
    }
}
