import FleetKit
import FleetTestSupport
import Foundation
import GitKit

/// Remotes made at test time from file maps, a manifest listing them (as `openstack/<name>`), and helpers to run
/// another goal over it with `fleet run --plan`.
struct GoalFixture {
    let directory: TemporaryDirectory
    let manifest: URL
    let remotes: [String: FixtureRemote]

    /// Makes one remote per entry, listed in the manifest in this order.
    init(_ repos: [(name: String, files: [String: String])], manifestExtra: String = "") throws {
        directory = try TemporaryDirectory(prefix: "fleet-goal")
        var remotes: [String: FixtureRemote] = [:]
        var entries: [(name: String, url: String)] = []
        for repo in repos {
            let remote = try FixtureRemote(in: directory.url, name: repo.name, files: repo.files)
            remotes["openstack/\(repo.name)"] = remote
            entries.append(("openstack/\(repo.name)", remote.bareURL.path))
        }
        self.remotes = remotes
        manifest = try writeManifest(in: directory.url, repos: entries, extra: manifestExtra)
    }

    var workspace: URL { directory.url.appendingPathComponent(".fleet") }

    /// Runs `fleet run MANIFEST --plan plan` with extra arguments.
    func run(plan: String, _ arguments: [String] = []) throws -> ProcessOutput {
        try runFleet(["run", manifest.path, "--plan", plan] + arguments)
    }

    /// The summary a `--plan` run wrote (to `report-<plan name>`).
    func summary(plan name: String) throws -> Summary {
        try SummaryFile.load(from: workspace.appendingPathComponent("report-\(name)/summary.json"))
    }

    func clone(_ name: String) throws -> Repository {
        try Repository.open(at: workspace.appendingPathComponent("repos/\(name)").path)
    }

    func clonePath(_ name: String) -> URL {
        workspace.appendingPathComponent("repos/\(name)")
    }

    /// Writes a plan file `<name>.yaml` for `rewriter` with the given `options:` block (indented YAML lines).
    func writePlan(_ name: String, rewriter: String, options: String) throws -> URL {
        let text = """
            goal: Test goal \(name)
            goal_url: https://example.org/goals/\(name)
            topic: \(name)
            branch: \(name)
            rewriter: \(rewriter)
            options:
            \(options)
            commit:
              subject: Apply \(name)
              body: This change applies the \(name) test goal.

            """
        let url = directory.url.appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }
}

/// Whether process `pid` is gone: no such process, or a zombie that only waits for its parent to read its status.
func isProcessGone(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    // The state follows the parenthesised command name, which may itself hold spaces or parentheses.
    guard let close = stat.range(of: ")", options: .backwards) else { return false }
    return stat[close.upperBound...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}

/// The process id a test command wrote to `file`, if any.
func processID(in file: URL) -> Int32? {
    (try? String(contentsOf: file, encoding: .utf8)).flatMap {
        Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
