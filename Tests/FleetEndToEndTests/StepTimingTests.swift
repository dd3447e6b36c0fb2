import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("step timings", .tags(.e2e, .git))
struct StepTimingTests {
    @Test("summary.json records seconds per step that ran, and --verbose prints them")
    func stepsAreRecordedAndPrinted() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        let output = try fleet.run(["--verbose"])
        #expect(output.status == 0, "\(output.stderr)")
        let nova = try #require(try fleet.result("openstack/nova"))
        #expect(Set(nova.steps.keys) == ["sync", "branch", "rewrite", "verify", "commit"])
        #expect(nova.steps.values.allSatisfy { $0 >= 0 })
        #expect(nova.changedFiles.contains("setup.cfg"))
        #expect(nova.changedFiles == nova.changedFiles.sorted())
        #expect(output.stderr.contains("steps: sync "))
        #expect(output.stderr.contains(", commit "))
        let summary = try fleet.summary()
        #expect(summary.plan == "remove-wsgi_scripts")
        #expect(summary.rewriter == "wsgi-module-paths")
    }
}
