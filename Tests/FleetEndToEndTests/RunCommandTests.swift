import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("fleet run", .tags(.e2e, .git))
struct RunCommandTests {
    @Test("results come in manifest order, each clone ends clean on a one-commit review branch")
    func manifestOrderAndCleanClones() throws {
        let names = ["zun", "aodh", "nova", "heat", "cinder", "glance"]
        let fleet = try RunFixture(names: names)
        defer { fleet.directory.remove() }
        let output = try fleet.run(["--jobs", "4"])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try fleet.summary()
        #expect(summary.repos.map(\.name) == names.map { "openstack/\($0)" })
        #expect(summary.totals["migrated"] == names.count)
        for result in summary.repos {
            let (clone, tip) = try fleet.expectReviewBranchReady(result)
            let message = try clone.commitInfo(tip).message
            #expect(message.hasSuffix("Change-Id: \(result.changeId ?? "?")\n"))
            #expect(result.path == fleet.workspace.appendingPathComponent("repos/\(result.name)").path)
            #expect(
                FileManager.default.fileExists(
                    atPath: fleet.workspace.appendingPathComponent(
                        "report/patches/\(Workspace.flatName(result.name)).patch"
                    ).path))
        }
        // The remotes are never touched: the target branch stays where upstream put it, and nothing is pushed.
        for (_, remote) in fleet.remotes {
            let bare = try Repository.open(at: remote.bareURL.path)
            let work = try Repository.open(at: remote.workURL.path)
            #expect(try bare.resolveCommit("refs/heads/master") == work.resolveCommit("refs/heads/master"))
            #expect(try bare.referenceNames().filter { !$0.hasPrefix("refs/remotes/") } == ["refs/heads/master"])
        }
    }

    @Test("an unreachable URL and a corrupt cached clone fail alone; the rest migrate")
    func failuresStayPerRepo() throws {
        let fleet = try RunFixture(
            names: ["nova", "heat"], extraRepos: [("openstack/ghost", "git://127.0.0.1:1/openstack/ghost")])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 1)
        // Corrupt heat's cached clone, then re-run everything.
        let heatGit = fleet.workspace.appendingPathComponent("repos/openstack/heat/.git")
        try FileManager.default.removeItem(at: heatGit.appendingPathComponent("HEAD"))
        try FileManager.default.removeItem(at: heatGit.appendingPathComponent("objects"))
        let output = try fleet.run()
        #expect(output.status == 1)
        let summary = try fleet.summary()
        #expect(summary.repos.map(\.status) == [.upToDate, .failed, .failed])
        let heat = try #require(try fleet.result("openstack/heat"))
        #expect(heat.message?.contains("not a usable git repository") == true)
        let ghost = try #require(try fleet.result("openstack/ghost"))
        #expect(ghost.message?.hasPrefix("sync:") == true)
        #expect(ghost.commit == nil)
    }

    @Test("an up-to-date re-run keeps commit and Change-Id; a moved remote gets a new commit, same Change-Id")
    func rerunAndMovedRemote() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 0)
        let first = try #require(try fleet.result("openstack/nova"))
        #expect(first.status == .migrated)

        #expect(try fleet.run().status == 0)
        let second = try #require(try fleet.result("openstack/nova"))
        #expect(second.status == .upToDate)
        #expect(second.commit == first.commit)
        #expect(second.changeId == first.changeId)

        let remote = try #require(fleet.remotes["openstack/nova"])
        let moved = try remote.commit(["README.rst": "Nova moved on\n"])
        #expect(try fleet.run().status == 0)
        let third = try #require(try fleet.result("openstack/nova"))
        #expect(third.status == .migrated)
        #expect(third.baseCommit == moved.hex)
        #expect(third.commit != first.commit)
        #expect(third.changeId == first.changeId)
        let clone = try fleet.clone("openstack/nova")
        let tip = try #require(third.commit.flatMap(ObjectID.init(hex:)))
        #expect(try clone.commitInfo(tip).parents == [moved])
    }

    @Test("a changed plan redoes the repo on the same branch with the same Change-Id")
    func changedPlanRedoes() throws {
        let fleet = try RunFixture(names: ["glance"])
        defer { fleet.directory.remove() }
        let plan = try #require(BuiltInPlans.sources["remove-wsgi_scripts"])
        let planFile = fleet.directory.url.appendingPathComponent("plan.yaml")
        try Data(plan.utf8).write(to: planFile)
        let manifest = try String(contentsOf: fleet.manifest, encoding: .utf8)
        try Data(manifest.replacingOccurrences(of: "plan: remove-wsgi_scripts", with: "plan: plan.yaml").utf8)
            .write(to: fleet.manifest)
        #expect(try fleet.run().status == 0)
        let first = try #require(try fleet.result("openstack/glance"))

        let subject = "Add {package}.wsgi module for uWSGI and gunicorn"
        try Data(patchSubject(plan, to: subject).utf8).write(to: planFile)
        #expect(try fleet.run().status == 0)
        let second = try #require(try fleet.result("openstack/glance"))
        #expect(second.status == .migrated)
        #expect(second.commit != first.commit)
        #expect(second.changeId == first.changeId)
        let clone = try fleet.clone("openstack/glance")
        let tip = try #require(second.commit.flatMap(ObjectID.init(hex:)))
        #expect(try clone.commitInfo(tip).subject == "Add glance.wsgi module for uWSGI and gunicorn")
        #expect(try clone.commits(from: tip, excluding: clone.resolveCommit("refs/remotes/origin/master")).count == 1)
    }

    /// The plan text with its commit subject replaced.
    private func patchSubject(_ plan: String, to subject: String) -> String {
        plan.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.trimmingCharacters(in: .whitespaces).hasPrefix("subject:")
                ? line.prefix { $0 == " " } + "subject: \"\(subject)\"" : String(line)
        }.joined(separator: "\n")
    }

    @Test("a human commit on the review branch and an uncommitted edit survive a --force re-run")
    func humanWorkSurvives() throws {
        let fleet = try RunFixture(names: ["nova", "heat"])
        defer { fleet.directory.remove() }
        #expect(try fleet.run().status == 0)

        let nova = try fleet.clone("openstack/nova")
        try writeFiles(
            ["NOTES.txt": "reviewer asked for this\n"],
            under: fleet.workspace.appendingPathComponent("repos/openstack/nova"))
        try nova.stageAll()
        let human = try nova.commit(message: "Address review comments\n", author: testSignature)

        let heatPath = fleet.workspace.appendingPathComponent("repos/openstack/heat")
        try writeFiles(["heat/api/app.py": "# my local edit\n"], under: heatPath)

        let output = try fleet.run(["--force"])
        #expect(output.status == 1)
        let summary = try fleet.summary()
        #expect(summary.repos.map(\.status) == [.needsAttention, .needsAttention])
        // Fleet's own commit under the human one is not counted as someone else's.
        #expect(try fleet.result("openstack/nova")?.message?.contains("has 1 commit(s) fleet did not make") == true)
        #expect(try fleet.result("openstack/heat")?.message?.contains("uncommitted changes") == true)
        #expect(try nova.resolveCommit("refs/heads/remove-wsgi_scripts") == human)
        #expect(readFile("heat/api/app.py", under: heatPath) == "# my local edit\n")
    }

    @Test("--only, --shard and --dry-run select and spare the right repos")
    func selectionAndDryRun() throws {
        let fleet = try RunFixture(names: ["a1", "b2", "c3", "d4", "e5"])
        defer { fleet.directory.remove() }
        let only = try fleet.run(["--only", "openstack/c3", "--only", "openstack/a1"])
        #expect(only.status == 0)
        #expect(try fleet.summary().repos.map(\.name) == ["openstack/a1", "openstack/c3"])

        let shard = try fleet.run(["--shard", "2/2"])
        #expect(shard.status == 0)
        #expect(try fleet.summary().repos.map(\.name) == ["openstack/b2", "openstack/d4"])

        let reportBefore = try Data(contentsOf: fleet.workspace.appendingPathComponent("report/summary.json"))
        let dry = try fleet.run(["--dry-run", "--only", "openstack/e5"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("# openstack/e5"))
        #expect(dry.stdout.contains("diff --git"))
        let clone = try fleet.clone("openstack/e5")
        #expect(try clone.branchExists("remove-wsgi_scripts") == false)
        #expect(try clone.isClean())
        #expect(dry.stdout.contains("openstack/e5  migrated"))
        #expect(dry.stdout.contains("dry run: no branch, commit or report written"))
        #expect(try Data(contentsOf: fleet.workspace.appendingPathComponent("report/summary.json")) == reportBefore)

        for (shard, reason) in [
            ("3/2", "shard 3 of 2: the shard number must be between 1 and 2"),
            ("0/4", "shard 0 of 4: the shard number must be between 1 and 4"),
            ("1/0", "the shard count must be at least 1"), ("two", "expected I/N, such as 1/4"),
            ("1/x", "expected I/N, such as 1/4"),
        ] {
            let bad = try fleet.run(["--shard", shard])
            #expect(bad.status == 64)
            #expect(bad.stderr.contains(reason), "\(shard): \(bad.stderr)")
        }

        let unknown = try fleet.run(["--only", "openstack/nope"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'openstack/nope'"))
    }
}
