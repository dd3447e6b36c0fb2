import ArgumentParser
import FleetKit
import Foundation
import GitKit

extension Fleet {
    /// `fleet status`: ask Gerrit where each pushed change stands and record it in the report.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask Gerrit where each repo's change stands and record it in the report.",
            discussion: """
                One query per Gerrit host for the plan's topic. Anonymous unless FLEET_HTTP_USER and \
                FLEET_HTTP_TOKEN are set; FLEET_HTTP_TIMEOUT sets the seconds a request may take (default 20). \
                Exits 0 when every Gerrit answered, 1 when one could not be asked (its repos keep their previous \
                review), 64 for bad input.
                """)

        @Argument(help: "The manifest file (YAML).")
        var manifest: String

        @OptionGroup var selection: WorkspaceArguments
        @OptionGroup var gerrit: GerritArguments

        func run() throws {
            // libgit2's TLS set-up (4 ms) on another core while the manifest is read.
            LibGit2.bootstrapInBackground()
            let (loaded, summary, reportDirectory) = try loadReport(manifest, selection: selection)
            let checker = ReviewChecker(manifest: loaded, options: gerrit.options)
            let outcome = ReviewTracker.check(summary, checker: checker, only: selection.only)
            try rewriteReport(outcome.summary, in: reportDirectory, recordingHistory: true)
            print(ReviewTable.render(outcome.summary, names: outcome.checked, problems: outcome.problems))
            for name in outcome.checked {
                if let problem = outcome.problems[name] {
                    FileHandle.standardError.write(Data("fleet: \(name): \(problem); kept its previous review\n".utf8))
                }
            }
            print("report: \(reportDirectory.path)")
            if !outcome.problems.isEmpty { throw ExitCode.failure }
        }
    }
}

/// Loads the manifest and the report folder's `summary.json`, exiting 64 with a message naming the file when either
/// is bad or missing.
func loadReport(_ manifest: String, selection: WorkspaceArguments) throws -> (Manifest, Summary, URL) {
    let loaded = try loadManifest(manifest, plan: selection.plan)
    let reportDirectory = selection.reportFolder(for: loaded)
    let summaryFile = reportDirectory.appendingPathComponent("summary.json")
    do {
        return (loaded, try SummaryFile.load(from: summaryFile), reportDirectory)
    } catch let error as ReportError {
        throw badInput("error: \(error.description); run 'fleet run \(manifest)' first")
    }
}

/// Re-renders every report file of `summary`, keeping the patches already there, then (with `recordingHistory`)
/// appends its totals to `history.jsonl`: a report that could not be written leaves no history line for it.
///
/// A failed write leaves the old report whole; fleet says why on standard error and exits 1.
func rewriteReport(_ summary: Summary, in reportDirectory: URL, recordingHistory: Bool = false) throws {
    let patches = ReportWriter.patches(in: reportDirectory, for: summary.repos.map(\.name))
    let now = Date()
    let entry = HistoryEntry(time: Summary.timestamp(now), totals: summary.totals)
    do {
        try ReportWriter.write(
            summary, patches: patches, to: reportDirectory, pendingHistory: recordingHistory ? entry : nil,
            onFailure: .keepOldReport)
        if recordingHistory { try ReportHistory.append(summary, at: now, to: reportDirectory) }
    } catch {
        let text = FileSystemErrorText.describe(error, fallbackPath: reportDirectory.path)
        FileHandle.standardError.write(Data("fleet: \(text)\n".utf8))
        throw ExitCode.failure
    }
}
