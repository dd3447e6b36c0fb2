import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("fleet report", .tags(.e2e))
struct ReportCommandTests {
    private func summary(_ repos: [RepoResult], started: TimeInterval) -> Summary {
        Summary(
            goal: "Migrate from wsgi scripts to module paths", topic: "remove-wsgi_scripts",
            started: Date(timeIntervalSince1970: started), durationSeconds: started / 100, repos: repos)
    }

    private func repo(_ name: String, _ status: RepoStatus, team: String? = nil) -> RepoResult {
        RepoResult.v1(
            name: "openstack/\(name)", status: status, path: "/w/openstack/\(name)", branch: "remove-wsgi_scripts",
            package: name, team: team, targetBranch: "master",
            commit: status == .migrated ? String(repeating: "c", count: 40) : nil,
            changeId: status == .migrated
                ? ChangeID.make(project: "openstack/\(name)", targetBranch: "master", topic: "remove-wsgi_scripts")
                : nil,
            servers: status == .migrated
                ? [
                    ServerMigration(
                        script: "\(name)-wsgi", target: "\(name).app:make", module: "\(name).wsgi.api",
                        file: "\(name)/wsgi/api.py")
                ] : [],
            message: status.isSuccess ? nil : "setup.cfg:4: \(name).app has no make")
    }

    @Test("merges two shards with their patches and exits 1 when a repo needs attention")
    func mergesShards() throws {
        try withTemporaryDirectory { directory in
            let shard1 = directory.url.appendingPathComponent("shard1")
            let shard2 = directory.url.appendingPathComponent("shard2")
            try ReportWriter.write(
                summary([repo("nova", .migrated, team: "nova"), repo("aodh", .needsAttention)], started: 2_000),
                patches: ["openstack/nova": "nova patch\n"], to: shard1)
            try ReportWriter.write(
                summary([repo("glance", .migrated, team: "glance"), repo("swift", .notApplicable)], started: 1_000),
                patches: ["openstack/glance": "glance patch\n"], to: shard2)
            let out = directory.url.appendingPathComponent("merged")
            let output = try runFleet([
                "report", shard1.appendingPathComponent("summary.json").path,
                shard2.appendingPathComponent("summary.json").path, "--report-dir", out.path,
            ])
            #expect(output.status == 1, "\(output.stderr)")
            #expect(
                output.stdout == """
                    report: \(out.path)/summary.md
                    4 repositories from 2 summaries: 2 migrated, 1 not-applicable, 1 needs-attention

                    """)
            let merged = try SummaryFile.load(from: out.appendingPathComponent("summary.json"))
            #expect(
                merged.repos.map(\.name) == ["openstack/nova", "openstack/aodh", "openstack/glance", "openstack/swift"])
            #expect(merged.totals["repos"] == 4 && merged.totals["migrated"] == 2)
            #expect(merged.started == "1970-01-01T00:16:40Z")
            #expect(merged.durationSeconds == 20)
            #expect(readFile("patches/openstack__nova.patch", under: out) == "nova patch\n")
            #expect(readFile("patches/openstack__glance.patch", under: out) == "glance patch\n")
            #expect(readFile("status.rst", under: out)?.contains("\nglance\n------\n") == true)
            #expect(readFile("summary.md", under: out)?.contains("| openstack/aodh |  | needs-attention |") == true)
            #expect(readFile("summary.html", under: out)?.contains("<tr data-repo=\"openstack/swift\">") == true)
        }
    }

    @Test("a later run of a repo wins, and exit 0 when every repo is a success")
    func laterRunWins() throws {
        try withTemporaryDirectory { directory in
            let first = directory.url.appendingPathComponent("first")
            let rerun = directory.url.appendingPathComponent("rerun")
            try ReportWriter.write(
                summary([repo("aodh", .needsAttention), repo("nova", .migrated)], started: 100),
                patches: ["openstack/nova": "old nova\n"], to: first)
            try ReportWriter.write(
                summary([repo("aodh", .migrated)], started: 200),
                patches: ["openstack/aodh": "aodh patch\n"], to: rerun)
            let out = directory.url.appendingPathComponent("report")
            let output = try runFleet([
                "report", first.appendingPathComponent("summary.json").path,
                rerun.appendingPathComponent("summary.json").path,
                "--report-dir", out.path,
            ])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(
                output.stderr == "warning: openstack/aodh is in 2 summaries (\(first.path)/summary.json, "
                    + "\(rerun.path)/summary.json); the result of the last, \(rerun.path)/summary.json, is used\n")
            let merged = try SummaryFile.load(from: out.appendingPathComponent("summary.json"))
            #expect(merged.repos.map(\.status) == [.migrated, .migrated])
            #expect(readFile("patches/openstack__aodh.patch", under: out) == "aodh patch\n")
            #expect(readFile("patches/openstack__nova.patch", under: out) == "old nova\n")
        }
    }

    @Test("bad JSON, another schema or another goal: exit 64 with an error naming the problem")
    func badInput() throws {
        try withTemporaryDirectory { directory in
            let good = directory.url.appendingPathComponent("good")
            try ReportWriter.write(summary([repo("nova", .migrated)], started: 0), patches: [:], to: good)
            var other = summary([repo("swift", .migrated)], started: 0)
            other.topic = "another-topic"
            try ReportWriter.write(other, patches: [:], to: directory.url.appendingPathComponent("other"))
            try writeFiles(
                ["broken.json": "{\"schema\": ", "v9.json": "{\"schema\": \"fleet.summary/v9\"}"], under: directory.url)
            let goodPath = good.appendingPathComponent("summary.json").path
            let cases = [
                (
                    directory.path("broken.json"),
                    "error: \(directory.path("broken.json")): not a readable summary.json: not a JSON object\n"
                ),
                (
                    directory.path("v9.json"),
                    "error: \(directory.path("v9.json")): schema is \"fleet.summary/v9\", expected \"fleet.summary/v1\"\n"
                ),
                (
                    directory.path("other/summary.json"),
                    "error: summary 2 has topic \"another-topic\", but the first has \"remove-wsgi_scripts\": only runs of one goal merge\n"
                ),
            ]
            for (path, message) in cases {
                let output = try runFleet(["report", goodPath, path, "--report-dir", directory.path("out")])
                #expect(output.status == 64)
                #expect(output.stderr == message)
                #expect(output.stdout.isEmpty)
            }
            #expect(!FileManager.default.fileExists(atPath: directory.path("out")))
        }
    }
}
