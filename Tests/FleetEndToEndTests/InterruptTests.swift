import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("fleet run interrupted", .tags(.e2e, .git))
struct InterruptTests {
    @Test("Ctrl-C stops starting repos, still writes the summary of what finished, and exits 1")
    func interruptWritesSummary() throws {
        let names = (1...24).map { "svc\($0)" }
        let fleet = try RunFixture(names: names)
        defer { fleet.directory.remove() }
        let process = Process()
        process.executableURL = fleetExecutable
        process.environment = ProcessInfo.processInfo.environment.merging(fleetTestIdentity) { $1 }
        process.arguments = ["run", fleet.manifest.path, "--jobs", "1"]
        let errorFile = fleet.directory.url.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let states = fleet.workspace.appendingPathComponent("state/remove-wsgi_scripts")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning {
            let done = (try? FileManager.default.contentsOfDirectory(atPath: states.path))?.filter {
                $0.hasSuffix(".json")
            }
            if (done?.count ?? 0) >= 2 { break }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        let summary = try fleet.summary()
        #expect(summary.repos.map(\.name) == names.map { "openstack/\($0)" })
        let finished = summary.repos.filter { $0.status == .migrated }
        let stopped = summary.repos.filter { $0.status == .failed }
        #expect(finished.count >= 2)
        #expect(!stopped.isEmpty)
        #expect(
            stopped.allSatisfy { $0.message == "not started: the run was interrupted" || $0.message == "interrupted" })
        let stderr = try String(contentsOf: errorFile, encoding: .utf8)
        #expect(stderr.contains("interrupting"))
        // What did not run is simply done on the next run.
        let rerun = try fleet.run()
        #expect(rerun.status == 0, "\(rerun.stderr)")
    }
}
