import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet demo", .tags(.e2e, .git, .python))
struct DemoCommandTests {
    @Test("the demo builds eight OpenStack-shaped repos and runs the whole job on them offline")
    func demo() throws {
        let directory = try TemporaryDirectory(prefix: "fleet-demo")
        defer { directory.remove() }
        let folder = directory.url.appendingPathComponent("demo")
        let output = try runFleet(["demo", "--dir", folder.path])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let summary = try SummaryFile.load(from: folder.appendingPathComponent(".fleet/report/summary.json"))
        let statuses = Dictionary(uniqueKeysWithValues: summary.repos.map { ($0.name, $0.status) })
        #expect(
            statuses == [
                "openstack/nova": .migrated, "openstack/keystone": .migrated, "openstack/heat": .migrated,
                "openstack/freezer-api": .migrated, "openstack/aodh": .migrated,
                "openstack/python-novaclient": .notApplicable, "openstack/placement": .alreadyMigrated,
                "openstack/zun": .needsAttention,
            ])
        let modules = Dictionary(
            uniqueKeysWithValues: summary.repos.map { ($0.name, $0.wsgi?.servers.map(\.module) ?? []) })
        #expect(modules["openstack/nova"] == ["nova.wsgi.osapi_compute", "nova.wsgi.metadata"])
        #expect(modules["openstack/heat"] == ["heat.wsgi.api", "heat.wsgi.cfn"])
        #expect(modules["openstack/freezer-api"] == ["freezer_api.wsgi.api"])
        #expect(modules["openstack/keystone"] == ["keystone.wsgi.api"])
        let zun = try #require(summary.repos.first { $0.name == "openstack/zun" })
        #expect(zun.message?.contains("setup.cfg:") == true)

        let keystone = try Repository.open(at: folder.appendingPathComponent(".fleet/repos/openstack/keystone").path)
        let message = try keystone.commitInfo(keystone.resolveCommit("HEAD")).message
        #expect(message.contains("keystone-wsgi-admin -> no module (skipped in the manifest)"))
        #expect(output.stdout.contains("Read the report:"))
        for file in ["summary.json", "summary.md", "summary.html", "status.rst", "patches/openstack__nova.patch"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".fleet/report/\(file)").path))
        }
    }
}
