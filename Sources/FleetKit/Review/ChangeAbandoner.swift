import Foundation

/// `fleet abandon`: abandons the open changes of the selected repos and records their new state.
public enum ChangeAbandoner {
    /// What an abandon run did.
    public struct Outcome: Sendable {
        /// The summary with the new review states and totals.
        public var summary: Summary
        /// One line per selected repo with a Change-Id: `name` → what happened.
        public var lines: [(name: String, text: String)]
        /// Whether any repo could not be looked up or abandoned (a merged change, an unreachable Gerrit).
        public var hasFailures: Bool
    }

    /// Abandons the changes of the selected repos that are not abandoned yet.
    ///
    /// One query per Gerrit host finds them; a change the query found merged is not sent to Gerrit and is that
    /// repo's failure, as is Gerrit's refusal (409) of a change merged between the query and the abandon. With `dryRun` it says what would be abandoned and changes nothing in Gerrit or the summary.
    public static func abandon(
        _ summary: Summary, checker: ReviewChecker, only: [String], message: String?, dryRun: Bool, now: Date = Date()
    ) -> Outcome {
        let selected = summary.repos.filter { $0.changeId != nil && (only.isEmpty || only.contains($0.name)) }
        let findings = checker.lookUp(selected)
        var result = summary
        var lines: [(name: String, text: String)] = []
        var hasFailures = false
        for index in result.repos.indices {
            let name = result.repos[index].name
            guard let finding = findings[name] else { continue }
            switch finding {
            case .failure(let error):
                lines.append((name, "error: \(error.message)"))
                hasFailures = true
            case .success(let finding):
                let current = ReviewTracker.record(finding, checked: now)
                guard case .found(var review) = current, let change = finding.change else {
                    if !dryRun { result.repos[index].review = current }
                    lines.append((name, "no change in Gerrit: nothing to abandon"))
                    continue
                }
                if review.status == .abandoned {
                    lines.append((name, "change \(review.number) is already abandoned"))
                } else if review.status == .merged {
                    // Only open changes are abandoned (DESIGN): a merged one is not even asked for.
                    hasFailures = true
                    lines.append((name, "cannot abandon merged change \(review.number) \(review.url)"))
                } else if dryRun {
                    lines.append((name, "would abandon change \(review.number) \(review.url)"))
                } else {
                    do {
                        let answer = try checker.client(for: finding.target.gerrit).abandon(
                            project: change.project, number: change.number, message: message)
                        review.status = ChangeReview.Status(rawValue: answer.status) ?? .abandoned
                        review.updated = answer.updated.flatMap(GerritChange.isoTimestamp) ?? review.updated
                        lines.append((name, "abandoned change \(review.number) \(review.url)"))
                    } catch {
                        hasFailures = true
                        lines.append((name, "error: cannot abandon change \(review.number): \(error.message)"))
                    }
                }
                if !dryRun { result.repos[index].review = .found(review) }
            }
        }
        result.totals = Summary.totals(of: result.repos)
        return Outcome(summary: result, lines: lines, hasFailures: hasFailures)
    }
}
