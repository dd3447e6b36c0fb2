import FleetKit
import FleetTestSupport
import Foundation
import Testing

/// The `command` rewriter on plain folders: what counts as a change, the environment, failures and options.
@Suite("command rewriter")
struct CommandRewriterTests {
    static func run(_ script: String, files: [String: String] = ["README.rst": "Demo\n", "OLD.txt": "old\n"]) throws
        -> (Rewrite<CommandDetails, Void>, CommandRewriter, TemporaryDirectory)
    {
        let directory = try TemporaryDirectory()
        let root = directory.url.appendingPathComponent("clone")
        try writeFiles(files, under: root)
        let rewriter = CommandRewriter(
            options: CommandOptions(run: script, timeout: 30),
            environment: RewriterEnvironment(planDirectory: directory.url.appendingPathComponent("plans")))
        let request = RewriteRequest(
            root: root, projectName: "openstack/demo", targetBranch: "stable/2025.2",
            settings: CommandRewriter.Settings(), stableSuffix: "0123456789abcdef")
        return (rewriter.rewrite(request), rewriter, directory)
    }

    @Test("added, edited, deleted, mode-changed and linked paths are the changes, in order")
    func changedPaths() throws {
        let (rewrite, rewriter, directory) = try Self.run(
            "echo more >> README.rst; rm OLD.txt; mkdir -p a/b; echo x > a/b/new.txt; chmod +x a/b/new.txt; "
                + "ln -s README.rst link; mkdir -p .git && echo git > .git/HEAD")
        defer { directory.remove() }
        #expect(rewrite.outcome == .migrated)
        // The new file's mode changed after it was made: it is one path, listed once; `.git` is never looked at.
        #expect(rewrite.changedPaths == ["OLD.txt", "README.rst", "a/b/new.txt", "link"])
        #expect(rewrite.details == CommandDetails(command: .init(exitStatus: 0, output: "")))
        #expect(
            rewriter.commitText(for: rewrite)
                == CommitText(paragraphs: ["The 4 files changed:\n\n  OLD.txt\n  README.rst\n  a/b/new.txt\n  link"]))
    }

    @Test("a file rewritten with the same bytes, or only touched, is no change")
    func sameBytesAreNoChange() throws {
        let (rewrite, _, directory) = try Self.run(
            "sed -i 's/absent/x/' README.rst OLD.txt; touch README.rst; cp OLD.txt tmp && mv tmp OLD.txt")
        defer { directory.remove() }
        #expect(rewrite.outcome == .notApplicable(reason: "the command changed nothing"))
        #expect(rewrite.changedPaths.isEmpty)
    }

    @Test("a mode change alone is a change")
    func modeChange() throws {
        let (rewrite, _, directory) = try Self.run("chmod +x README.rst")
        defer { directory.remove() }
        #expect(rewrite.outcome == .migrated)
        #expect(rewrite.changedPaths == ["README.rst"])
    }

    @Test("the command runs in the root with FLEET_REPO, FLEET_TARGET_BRANCH and FLEET_PLAN_DIR, stdin empty")
    func environment() throws {
        let (rewrite, _, directory) = try Self.run(
            #"pwd > where.txt; printf '%s|%s|%s\n' "$FLEET_REPO" "$FLEET_TARGET_BRANCH" "$FLEET_PLAN_DIR" >> where.txt; "#
                + "cat >> where.txt; echo done")
        defer { directory.remove() }
        #expect(rewrite.outcome == .migrated)
        let root = directory.url.appendingPathComponent("clone")
        #expect(
            readFile("where.txt", under: root)
                == "\(root.path)\nopenstack/demo|stable/2025.2|\(directory.url.path)/plans\n")
        #expect(rewrite.details?.command?.output == "done")
    }

    @Test("a failure names its exit status and the last lines of stderr, and keeps the last 20 lines of output")
    func failure() throws {
        let (rewrite, _, directory) = try Self.run(
            "for i in $(seq 1 30); do echo out $i; done; echo oops >&2; echo 'setup.cfg:3: bad' >&2; exit 2")
        defer { directory.remove() }
        #expect(rewrite.outcome == .needsAttention(reason: "the command exited with status 2: oops | setup.cfg:3: bad"))
        let output = try #require(rewrite.details?.command?.output)
        #expect(output == ((13...30).map { "out \($0)" } + ["oops", "setup.cfg:3: bad"]).joined(separator: "\n"))
        #expect(rewrite.details?.command?.exitStatus == 2)
    }

    @Test("a command killed by a signal needs attention")
    func signalled() throws {
        let (rewrite, _, directory) = try Self.run("kill -9 $$")
        defer { directory.remove() }
        #expect(rewrite.outcome == .needsAttention(reason: "the command was killed by signal 9 and printed nothing"))
        #expect(rewrite.details?.command?.exitStatus == nil)
    }

    @Test("the commit message lists at most 100 paths and counts the rest")
    func longList() throws {
        let (rewrite, rewriter, directory) = try Self.run("for i in $(seq 1 105); do echo $i > f$i.txt; done")
        defer { directory.remove() }
        let paragraph = try #require(rewriter.commitText(for: rewrite).paragraphs.first)
        #expect(paragraph.hasPrefix("The 105 files changed:\n\n  f1.txt\n  f10.txt\n"))
        #expect(paragraph.hasSuffix("\n  and 5 more"))
        #expect(paragraph.split(separator: "\n", omittingEmptySubsequences: false).count == 2 + 100 + 1)
    }

    @Test("bad options are located errors")
    func badOptions() {
        func diagnostics(_ options: String) -> [String] {
            rewriterOptionDiagnostics(rewriter: "command", options: options)
        }
        #expect(
            diagnostics("options: {run: [make]}") == ["Plans/t.yaml:6:16: error: 'run' must be a string, found a list"])
        #expect(
            diagnostics("options: {run: make, timeout: 0}") == [
                "Plans/t.yaml:6:31: error: 'timeout' must be a positive number of seconds, found '0'"
            ])
        #expect(diagnostics("options: {run: ' '}") == ["Plans/t.yaml:6:16: error: 'run' must not be empty"])
        #expect(diagnostics("options: {run: make, timeout: 2.5}") == [])
        // A deadline in nanoseconds could not hold this: refused at load, never a trap in a worker.
        #expect(
            diagnostics("options: {run: make, timeout: 2e10}") == [
                "Plans/t.yaml:6:31: error: 'timeout' must be at most 604800 seconds (a week), found '2e10'"
            ])
        #expect(
            diagnostics("branch2: x").contains(
                "Plans/t.yaml:1:1: error: missing 'options' with key 'run' (the shell command to run) for rewriter 'command'"
            ))
    }
}
