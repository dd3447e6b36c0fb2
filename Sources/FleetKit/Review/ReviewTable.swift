/// The table `fleet status` prints: repo, review state, Verified, Code-Review, Workflow, URL.
public enum ReviewTable {
    /// Renders the rows of `names`, then the review totals; a repo in `problems` shows its kept state and the reason.
    public static func render(_ summary: Summary, names: [String], problems: [String: String] = [:]) -> String {
        let header = ["repo", "review", "Verified", "Code-Review", "Workflow", "URL"]
        var rows = [header]
        for name in names {
            guard let repo = summary.repos.first(where: { $0.name == name }) else { continue }
            let change = repo.review?.change
            let state = repo.review.map(\.state.rawValue) ?? "unknown"
            let votes = [change?.verified, change?.codeReview, change?.workflow].map { $0.map(signed) ?? "" }
            var url = change?.url ?? ""
            if let problem = problems[name] { url += (url.isEmpty ? "" : "  ") + "(\(problem))" }
            rows.append([name, state] + votes + [url])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            let padded = row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        if let reviews = summary.totals.reviews {
            lines.append(
                "reviews: \(reviews.merged) merged, \(reviews.open) open, \(reviews.abandoned) abandoned, "
                    + "\(reviews.none) without a change")
        }
        return lines.joined(separator: "\n")
    }

    private static func signed(_ vote: Int) -> String { vote > 0 ? "+\(vote)" : "\(vote)" }
}
