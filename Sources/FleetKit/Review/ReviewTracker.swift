import Foundation

/// `fleet status`: records in a summary where each selected repo's Gerrit change stands.
public enum ReviewTracker {
    /// What a check did.
    public struct Outcome: Sendable {
        /// The summary with `review` recorded for every repo Gerrit answered about, and totals recomputed.
        public var summary: Summary
        /// Repo name → why it could not be asked; those repos keep their previous `review`.
        public var problems: [String: String]
        /// The repos that were asked about, in summary order.
        public var checked: [String]
    }

    /// Asks Gerrit about every repo of `summary` that has a Change-Id (only those in `only`, when not empty).
    public static func check(
        _ summary: Summary, checker: ReviewChecker, only: [String] = [], now: Date = Date()
    ) -> Outcome {
        let selected = summary.repos.filter { $0.changeId != nil && (only.isEmpty || only.contains($0.name)) }
        let findings = checker.lookUp(selected)
        var result = summary
        var problems: [String: String] = [:]
        for index in result.repos.indices {
            let name = result.repos[index].name
            switch findings[name] {
            case nil: continue
            case .failure(let error)?: problems[name] = error.message
            case .success(let finding)?: result.repos[index].review = record(finding, checked: now)
            }
        }
        result.totals = Summary.totals(of: result.repos)
        return Outcome(summary: result, problems: problems, checked: selected.map(\.name))
    }

    /// The review record of a finding: the change, or ``ReviewRecord/notFound``.
    static func record(_ finding: ReviewChecker.Finding, checked: Date) -> ReviewRecord {
        guard let review = finding.change?.review(gerrit: finding.target.gerrit, checked: checked) else {
            return .notFound
        }
        return .found(review)
    }
}
