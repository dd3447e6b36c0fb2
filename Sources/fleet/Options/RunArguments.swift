import ArgumentParser
import FleetKit
import Foundation

/// The options `run` and `push` share: where the workspace and report are, and which repos to take.
struct WorkspaceArguments: ParsableArguments {
    @Option(help: "The workspace folder (clones and state); default: .fleet/ beside the manifest.")
    var workspace: String?

    @Option(name: .customLong("report-dir"), help: "Where the report goes; default: <workspace>/report.")
    var reportDirectory: String?

    @Option(name: .customLong("only"), help: "Work only on this repo (repeatable), e.g. openstack/nova.")
    var only: [String] = []

    @Option(help: "Use another plan over the same manifest: a built-in plan name (e.g. pyproject-pbr) or a plan file.")
    var plan: String?

    var workspaceURL: URL? { workspace.map { URL(fileURLWithPath: $0) } }
    var reportURL: URL? { reportDirectory.map { URL(fileURLWithPath: $0) } }

    /// The workspace of a run of `manifest`.
    func workspace(for manifest: Manifest) -> Workspace {
        Workspace(root: workspaceURL ?? Workspace.defaultRoot(for: manifest.file))
    }

    /// The report folder of a run of `manifest`.
    func reportFolder(for manifest: Manifest) -> URL {
        reportURL ?? workspace(for: manifest).defaultReportFolder(for: manifest)
    }
}

/// `--quiet` and `--verbose`.
struct OutputArguments: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only results and errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every step of every repo.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
}

/// `--shard I/N`.
struct Shard {
    var index: Int
    var count: Int

    /// Parses `I/N`, saying what is wrong when it cannot (ArgumentParser adds only "is invalid").
    static func parse(_ argument: String) throws -> Shard {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ValidationError("expected I/N, such as 1/4 (shard I of N)")
        }
        guard count >= 1 else { throw ValidationError("the shard count must be at least 1") }
        guard (1...count).contains(index) else {
            throw ValidationError("shard \(index) of \(count): the shard number must be between 1 and \(count)")
        }
        return Shard(index: index, count: count)
    }
}
