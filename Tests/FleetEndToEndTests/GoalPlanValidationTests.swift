import FleetKit
import FleetTestSupport
import Foundation
import Testing

/// A bad plan for a plug-in rewriter is bad input: a `file:line:column` error and exit 64 before any repo is touched.
@Suite("Plans for the new rewriters are validated first", .tags(.e2e))
struct GoalPlanValidationTests {
    static func expectRejected(
        options: String, rewriter: String = "command", message: String, line: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fleet = try GoalFixture([("one", ["README.rst": "Demo\n"])])
        defer { fleet.directory.remove() }
        let plan = try fleet.writePlan("bad", rewriter: rewriter, options: options)
        let output = try fleet.run(plan: plan.path)
        #expect(output.status == 64, sourceLocation: sourceLocation)
        let located = output.stderr.split(separator: "\n").first { $0.contains(message) }.map(String.init)
        let prefix = "\(plan.path):\(line):"
        #expect(
            located?.hasPrefix(prefix) == true, "expected \(prefix)<column>: ... \(message) in: \(output.stderr)",
            sourceLocation: sourceLocation)
        #expect(
            !FileManager.default.fileExists(atPath: fleet.workspace.path), "no workspace may be made",
            sourceLocation: sourceLocation)
    }

    @Test("an unknown option key names the rewriter's keys")
    func unknownOption() throws {
        try Self.expectRejected(
            options: "  run: make tidy\n  tiemout: 5",
            message: "unknown key 'tiemout' in 'options' (expected one of: run, timeout)", line: 8)
    }

    @Test("a timeout that is not a positive number")
    func wrongType() throws {
        try Self.expectRejected(
            options: "  run: make tidy\n  timeout: soon", message: "'timeout' must be a positive number of seconds",
            line: 8)
    }

    @Test("requires: that is not a list")
    func requiresNotAList() throws {
        try Self.expectRejected(
            options: "  requires: pbr>=6.1.1", rewriter: "pbr-pyproject", message: "'requires' must be a list",
            line: 7)
    }

    @Test("a command plan without run:")
    func missingRun() throws {
        try Self.expectRejected(
            options: "  timeout: 5", message: "missing key 'run' in the options of rewriter 'command'", line: 7)
    }

    @Test("an unknown per-repo key in the manifest")
    func unknownRepositoryKey() throws {
        let fleet = try GoalFixture([("one", ["README.rst": "Demo\n"])])
        defer { fleet.directory.remove() }
        var text = try String(contentsOf: fleet.manifest, encoding: .utf8)
        text += "    frobnicate: yes\n"
        try Data(text.utf8).write(to: fleet.manifest)
        let output = try fleet.run(plan: "pyproject-pbr")
        #expect(output.status == 64)
        #expect(
            output.stderr.contains("\(fleet.manifest.path):8:5: error: unknown key 'frobnicate'"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fleet.workspace.path))
    }
}
