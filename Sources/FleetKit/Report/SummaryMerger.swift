import Foundation

/// Merges the summaries of several runs or shards into one, for `fleet report`.
public enum SummaryMerger {
    /// One summary holding the repos of all `summaries`.
    ///
    /// Repos keep the order they first appear in; a repo present in several inputs takes its result from the
    /// latest input (a re-run wins over an earlier run). Totals are recomputed, `started` is the earliest start
    /// and `durationSeconds` the longest run (shards run side by side).
    /// - Throws: ``ReportError/noSummaries`` for no input, ``ReportError/mismatchedGoal(field:expected:found:input:)``
    ///   when the inputs disagree on the goal or the topic.
    public static func merge(_ summaries: [Summary]) throws -> Summary {
        guard var merged = summaries.first else { throw ReportError.noSummaries }
        for (offset, summary) in summaries.enumerated().dropFirst() {
            if summary.goal != merged.goal {
                throw ReportError.mismatchedGoal(
                    field: "goal", expected: merged.goal, found: summary.goal, input: offset + 1)
            }
            if summary.topic != merged.topic {
                throw ReportError.mismatchedGoal(
                    field: "topic", expected: merged.topic, found: summary.topic, input: offset + 1)
            }
        }
        var order: [String] = []
        var latest: [String: RepoResult] = [:]
        for repo in summaries.flatMap(\.repos) {
            if latest.updateValue(repo, forKey: repo.name) == nil { order.append(repo.name) }
        }
        merged.repos = order.compactMap { latest[$0] }
        merged.totals = Summary.totals(of: merged.repos)
        merged.started = earliest(summaries.map(\.started))
        merged.durationSeconds = summaries.map(\.durationSeconds).max() ?? 0
        merged.schema = Summary.schemaIdentifier
        return merged
    }

    /// The earliest ISO-8601 timestamp; text that is not one sorts after every real time.
    private static func earliest(_ timestamps: [String]) -> String {
        let sorted = timestamps.sorted { lhs, rhs in
            switch (Summary.date(fromTimestamp: lhs), Summary.date(fromTimestamp: rhs)) {
            case (let l?, let r?): l < r
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs < rhs
            }
        }
        return sorted.first ?? ""
    }
}
