import ArgumentParser
import FleetKit
import Foundation

extension Fleet {
    /// `fleet report`: merge the summaries of several runs or shards and re-render every report file.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge summary.json files (for example from shards) and re-render the report.",
            discussion: """
                Each SUMMARY.json is read with the patches/ folder beside it. A repository found in several \
                inputs takes its result (and patch) from the last one given, with a warning naming them. Exits 0 when every repository \
                ended in a success status, 1 otherwise, 64 for unreadable input.
                """)

        @Argument(help: "summary.json files written by fleet run (later files win for the same repository).")
        var summaries: [String]

        @Option(name: .customLong("report-dir"), help: "The folder to write the merged report to.")
        var reportDir: String

        func validate() throws {
            if summaries.isEmpty { throw ValidationError("give at least one summary.json") }
        }

        func run() throws {
            let inputs = summaries.map { URL(fileURLWithPath: $0) }
            let merged: Summary
            var patches: [String: String] = [:]
            do {
                let loaded = try inputs.map(SummaryFile.load(from:))
                merged = try SummaryMerger.merge(loaded)
                for repeated in SummaryMerger.repeatedRepositories(in: loaded) {
                    let paths = repeated.inputs.map { inputs[$0 - 1].path }
                    FileHandle.standardError.write(
                        Data(
                            ("warning: \(repeated.name) is in \(paths.count) summaries (\(paths.joined(separator: ", "))); "
                                + "the result of the last, \(inputs[repeated.winner - 1].path), is used\n").utf8))
                }
                // Each repo's patch comes from the input its result came from: the last one that has the repo.
                for (input, summary) in zip(inputs, loaded) {
                    let names = summary.repos.map(\.name)
                    let found = ReportWriter.patches(in: input.deletingLastPathComponent(), for: names)
                    // A later result without a patch removes an earlier input's: it has no commit to show.
                    for name in names { patches[name] = found[name] }
                }
            } catch let error as ReportError {
                throw badInput("error: \(error.description)")
            }
            let directory = URL(fileURLWithPath: reportDir)
            let folderProblems = RunFolders.problems(workspace: nil, reportDirectory: directory)
            if !folderProblems.isEmpty { throw badInput(InputError(folderProblems).description) }
            try ReportWriter.write(merged, patches: patches, to: directory)
            let counts = RepoStatus.allCases.compactMap { status in
                merged.totals[status.rawValue].flatMap { $0 > 0 ? "\($0) \(status.rawValue)" : nil }
            }.joined(separator: ", ")
            print("report: \(directory.appendingPathComponent("summary.md").path)")
            print(
                "\(merged.repos.count) repositories from \(inputs.count) summaries"
                    + (counts.isEmpty ? "" : ": \(counts)"))
            if !merged.isSuccess { throw ExitCode(1) }
        }
    }
}
