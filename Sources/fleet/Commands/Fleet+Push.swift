import ArgumentParser
import FleetKit
import Foundation
import GitKit

extension Fleet {
    struct Push: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Push every ready review branch (migrated or up-to-date) to its review remote with the topic.")

        @Argument(help: "The manifest file (YAML).")
        var manifest: String

        @OptionGroup var selection: WorkspaceArguments
        @OptionGroup var output: OutputArguments
        @OptionGroup var pushArguments: PushArguments

        @Flag(help: "Print the refspecs and remotes; push nothing.")
        var dryRun = false

        func run() throws {
            // libgit2's TLS set-up (4 ms) on another core while the manifest is read.
            LibGit2.bootstrapInBackground()
            let (loaded, summary, reportDirectory) = try loadReport(manifest, selection: selection)
            if dryRun {
                let pusher = ReviewPusher(manifest: loaded, pushOptions: pushArguments.options)
                for result in summary.repos where result.status.isReadyForReview {
                    guard selection.only.isEmpty || selection.only.contains(result.name) else { continue }
                    switch pusher.plan(for: result) {
                    case .success(let push): print("\(push.name): git push \(push.displayRemote) \(push.refspec)")
                    case .failure(let error): print("\(result.name): cannot push: \(error.message)")
                    }
                }
                return
            }
            let pushed = try pushSummary(
                summary, manifest: loaded, only: selection.only, options: pushArguments.options, to: reportDirectory)
            let failed = pushed.repos.filter { $0.pushed == false }
            if !failed.isEmpty { throw ExitCode.failure }
        }
    }
}

/// Pushes the ready repos of a run's outcome (for `fleet run --push`).
func pushReadyBranches(_ manifest: Manifest, outcome: RunOutcome, options: ReviewPushOptions) throws -> Summary {
    let pushed = try pushSummary(
        outcome.summary, manifest: manifest, only: [], options: options, to: outcome.reportDirectory)
    if pushed.repos.contains(where: { $0.pushed == false }) { throw ExitCode.failure }
    return pushed
}

/// Pushes, prints one line per repo, and rewrites the report with `pushed` and `reviewUrl`.
func pushSummary(
    _ summary: Summary, manifest: Manifest, only: [String], options: ReviewPushOptions, to reportDirectory: URL
) throws -> Summary {
    let pushed = ReviewPusher(manifest: manifest, pushOptions: options).pushAll(summary, only: only)
    for result in pushed.repos where result.pushed != nil {
        let outcome = result.pushed == true ? "pushed \(result.reviewUrl ?? "")" : (result.message ?? "push failed")
        print("\(result.name): \(outcome)")
    }
    try rewriteReport(pushed, in: reportDirectory)
    return pushed
}
