import ArgumentParser
import FleetKit
import Foundation
import GitKit

extension Fleet {
    /// `fleet abandon`: abandon the open changes of the selected repos.
    struct Abandon: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Abandon the open Gerrit changes of the selected repos and record their new state.",
            discussion: """
                Needs FLEET_HTTP_USER and FLEET_HTTP_TOKEN (Gerrit's HTTP credentials). Exits 0 when every \
                selected change is abandoned (or was already), 1 when one could not be (a merged change, an \
                unreachable Gerrit), 64 for bad input.
                """)

        @Argument(help: "The manifest file (YAML).")
        var manifest: String

        @OptionGroup var selection: WorkspaceArguments
        @OptionGroup var gerrit: GerritArguments

        @Option(help: "The message left on each abandoned change.")
        var message: String?

        @Flag(help: "Say which changes would be abandoned; change nothing.")
        var dryRun = false

        func run() throws {
            // libgit2's TLS set-up (4 ms) on another core while the manifest is read.
            LibGit2.bootstrapInBackground()
            let (loaded, summary, reportDirectory) = try loadReport(manifest, selection: selection)
            let options = gerrit.options
            if options.credentials == nil && !dryRun {
                FileHandle.standardError.write(
                    Data(
                        ("error: fleet abandon needs Gerrit HTTP credentials: set FLEET_HTTP_USER and "
                            + "FLEET_HTTP_TOKEN (Gerrit: Settings > HTTP Credentials)\n").utf8))
                throw ExitCode(64)
            }
            let outcome = ChangeAbandoner.abandon(
                summary, checker: ReviewChecker(manifest: loaded, options: options), only: selection.only,
                message: message, dryRun: dryRun)
            for line in outcome.lines { print("\(line.name): \(line.text)") }
            if outcome.lines.isEmpty { print("no selected repo has a change") }
            if !dryRun { try rewriteReport(outcome.summary, in: reportDirectory) }
            if outcome.hasFailures { throw ExitCode.failure }
        }
    }
}
