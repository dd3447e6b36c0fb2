import ArgumentParser
import FleetKit
import Foundation
import GitKit

extension Fleet {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clone, branch, rewrite, verify and commit every repo of a manifest, then write the report.")

        @Argument(help: "The manifest file (YAML).")
        var manifest: String

        @OptionGroup var selection: WorkspaceArguments
        @OptionGroup var output: OutputArguments
        @OptionGroup var pushArguments: PushArguments

        @Option(name: .shortAndLong, help: "How many repos to work on at once.")
        var jobs = 4

        @Option(
            help: ArgumentHelp(
                "Run only shard I of N: the repos whose zero-based manifest index modulo N is I-1.", valueName: "I/N"),
            transform: Shard.parse)
        var shard: Shard?

        @Flag(help: "Analyze and print the diff; write no branch and no commit.")
        var dryRun = false

        @Flag(help: "Redo repos that are already up to date.")
        var force = false

        @Flag(help: "Push every ready review branch to its review remote after the run.")
        var push = false

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if push && dryRun { throw ValidationError("--push and --dry-run cannot be used together") }
            if pushArguments.isSet && !push {
                throw ValidationError("push options (--wip, --reviewer, ...) need --push")
            }
        }

        func run() throws {
            // libgit2's TLS set-up (4 ms) on another core while the manifest is read.
            LibGit2.bootstrapInBackground()
            let loaded = try loadManifest(manifest, plan: selection.plan)
            var options = RunOptions()
            options.jobs = jobs
            options.workspace = selection.workspaceURL
            options.reportDirectory = selection.reportURL
            options.only = selection.only
            options.dryRun = dryRun
            options.force = force
            options.shard = shard.map { ($0.index, $0.count) }
            let outcome = try runFleet(loaded, options: options, output: output)
            var summary = outcome.summary
            if push {
                summary = try pushReadyBranches(loaded, outcome: outcome, options: pushArguments.options)
            }
            if !summary.isSuccess { throw ExitCode.failure }
        }
    }
}
