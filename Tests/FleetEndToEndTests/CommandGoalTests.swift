import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// The `command` rewriter end to end: `fleet run MANIFEST --plan <file>` on real git repositories.
@Suite("fleet run with the command rewriter", .tags(.e2e, .git))
struct CommandGoalTests {
    static let files = [
        "README.rst": "Demo\n", "OLD.txt": "old\n", ".gitignore": "*.log\nbuild/\n", "setup.cfg": "[metadata]\n",
    ]

    /// One command, four outcomes: what it does depends on `$FLEET_REPO`.
    static let script = #"""
          run: |
            case "$FLEET_REPO" in
              openstack/changes)
                printf '%s|%s|%s\n' "$FLEET_REPO" "$FLEET_TARGET_BRANCH" "$FLEET_PLAN_DIR" > env.txt
                echo more >> README.rst
                rm OLD.txt
                mkdir -p docs build
                echo new > docs/new.txt
                echo ignored > debug.log
                echo ignored > build/out.txt
                ;;
              openstack/nochange)
                sed -i 's/no such text/x/' README.rst setup.cfg
                ;;
              openstack/ignoredonly)
                echo ignored > only.log
                ;;
              openstack/failing)
                echo "to stdout"
                echo "first problem" >&2
                echo "cannot frobnicate setup.cfg" >&2
                exit 3
                ;;
            esac
        """#

    @Test(
        "changes are committed and listed (ignored files not), no change and ignored-only are not-applicable, a failure needs attention"
    )
    func outcomes() throws {
        let fleet = try GoalFixture(["changes", "nochange", "ignoredonly", "failing"].map { ($0, Self.files) })
        defer { fleet.directory.remove() }
        let plan = try fleet.writePlan("tidy", rewriter: "command", options: Self.script)
        let output = try fleet.run(plan: plan.path)
        #expect(output.status == 1, "\(output.stderr)")
        let summary = try fleet.summary(plan: "tidy")
        #expect(summary.rewriter == "command")
        let byName = Dictionary(uniqueKeysWithValues: summary.repos.map { ($0.name, $0) })

        let changed = try #require(byName["openstack/changes"])
        #expect(changed.status == .migrated, "\(changed.message ?? "")")
        #expect(changed.criteriaMet == nil)
        #expect(changed.changedFiles == ["OLD.txt", "README.rst", "docs/new.txt", "env.txt"])
        #expect(changed.details["command"] == .object(["exitStatus": .int(0), "output": .string("")]))
        let clone = try fleet.clone("openstack/changes")
        #expect(try clone.isClean())
        let tip = try #require(changed.commit.flatMap(ObjectID.init(hex:)))
        let message = try clone.commitInfo(tip).message
        #expect(message.hasPrefix("Apply tidy\n\nThis change applies the tidy test goal.\n\n"))
        #expect(message.contains("The 4 files changed:\n\n  OLD.txt\n  README.rst\n  docs/new.txt\n  env.txt\n\n"))
        #expect(!message.contains("debug.log") && !message.contains("build/"))
        let root = fleet.clonePath("openstack/changes")
        #expect(
            readFile("env.txt", under: root)
                == "openstack/changes|master|\(fleet.directory.url.standardizedFileURL.path)\n")
        // Ignored files stay where the command left them, uncommitted.
        #expect(readFile("debug.log", under: root) == "ignored\n")
        #expect(try clone.fileContents("debug.log", at: tip) == nil)

        let unchanged = try #require(byName["openstack/nochange"])
        #expect(unchanged.status == .notApplicable)
        #expect(unchanged.message == "the command changed nothing")
        #expect(unchanged.commit == nil)

        let ignoredOnly = try #require(byName["openstack/ignoredonly"])
        #expect(ignoredOnly.status == .notApplicable)
        #expect(ignoredOnly.message?.contains("ignores") == true, "\(ignoredOnly.message ?? "")")
        #expect(ignoredOnly.commit == nil)
        #expect(try fleet.clone("openstack/ignoredonly").currentBranch() == "master")

        let failing = try #require(byName["openstack/failing"])
        #expect(failing.status == .needsAttention)
        #expect(failing.message?.contains("status 3") == true)
        #expect(failing.message?.contains("cannot frobnicate setup.cfg") == true, "\(failing.message ?? "")")
        #expect(failing.commit == nil)
        let details = try #require(failing.details["command"]?.members)
        #expect(details["exitStatus"] == .int(3))
        #expect(details["output"] == .string("to stdout\nfirst problem\ncannot frobnicate setup.cfg"))
        #expect(try fleet.clone("openstack/failing").isClean())
    }

    @Test("a command past its timeout is killed with the children it started, and the repo needs attention")
    func timeoutKillsTheGroup() throws {
        let fleet = try GoalFixture([("hangs", Self.files)])
        defer { fleet.directory.remove() }
        let plan = try fleet.writePlan(
            "hang", rewriter: "command",
            options: """
                  run: 'echo $$ > "$FLEET_PLAN_DIR/leader.pid"; sleep 1000 & echo $! > "$FLEET_PLAN_DIR/child.pid"; wait'
                  timeout: 1
                """)
        let output = try fleet.run(plan: plan.path)
        #expect(output.status == 1, "\(output.stderr)")
        let result = try #require(try fleet.summary(plan: "hang").repos.first)
        #expect(result.status == .needsAttention)
        #expect(result.message?.hasPrefix("timed out after 1 s") == true, "\(result.message ?? "")")
        #expect(result.details["command"]?.members["exitStatus"] == .null)
        let leader = try #require(processID(in: fleet.directory.url.appendingPathComponent("leader.pid")))
        let child = try #require(processID(in: fleet.directory.url.appendingPathComponent("child.pid")))
        #expect(isProcessGone(leader))
        #expect(isProcessGone(child), "the background child outlived its command")
    }

    @Test("Ctrl-C while a command runs kills its process group, writes the summary and exits 1")
    func interruptKillsTheGroup() throws {
        let fleet = try GoalFixture([("hangs", Self.files)])
        defer { fleet.directory.remove() }
        let marker = fleet.directory.url.appendingPathComponent("child.pid")
        let plan = try fleet.writePlan(
            "wait", rewriter: "command",
            options: """
                  run: 'sleep 1000 & echo $! > "$FLEET_PLAN_DIR/child.pid"; wait'
                """)
        let process = Process()
        process.executableURL = fleetExecutable
        process.environment = ProcessInfo.processInfo.environment.merging(fleetTestIdentity) { $1 }
        process.arguments = ["run", fleet.manifest.path, "--plan", plan.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning, processID(in: marker) == nil { usleep(10_000) }
        // The command has started (it wrote its child's pid) and is still waiting on that child.
        let child = try #require(processID(in: marker))
        #expect(!isProcessGone(child))
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        let result = try #require(try fleet.summary(plan: "wait").repos.first)
        #expect(result.status == .needsAttention)
        #expect(result.message?.hasPrefix("interrupted") == true, "\(result.message ?? "")")
        #expect(isProcessGone(child), "the command's child outlived fleet")
    }
}
