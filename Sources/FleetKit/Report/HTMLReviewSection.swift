/// The review part of `summary.html`: where the changes stand in Gerrit (state badges, CI and review votes) and the
/// burndown of `history.jsonl`.
enum HTMLReviewSection {
    /// The badge colour of each review state: green done, blue waiting, red failing CI, amber WIP, greys for the rest.
    static func colour(of state: ReviewState) -> (background: String, text: String) {
        switch state {
        case .merged: ("#2e7d32", "#fff")
        case .inReview: ("#1976d2", "#fff")
        case .failingCI: ("#c62828", "#fff")
        case .workInProgress: ("#f9a825", "#1d1d1f")
        case .abandoned: ("#616161", "#fff")
        case .noChange: ("#e0e0e0", "#1d1d1f")
        }
    }

    /// CSS classes `.r-<state>` for the review badges.
    static var badgeStyles: String {
        ReviewState.allCases.map { state in
            let colours = colour(of: state)
            return ".r-\(state.cssName) { background: \(colours.background); color: \(colours.text); }"
        }.joined(separator: "\n")
    }

    /// The "Reviews" section: counts per state, then the burndown; empty before any `fleet status` or history.
    static func render(_ summary: Summary, history: [HistoryEntry]) -> String {
        let tracked = summary.repos.filter { $0.review != nil }
        guard !tracked.isEmpty || !history.isEmpty else { return "" }
        let counts = ReviewState.allCases.map { state in
            "<li>\(badge(state)) <strong>\(tracked.count { $0.review?.state == state })</strong></li>"
        }
        return """
            <section aria-label="Reviews">
            <h2>Reviews</h2>
            <ul class="reviews">\(counts.joined())</ul>
            <h3>Burndown</h3>
            \(HTMLBurndownChart.render(history))
            </section>
            """
    }

    /// A repo's review cell: the state badge, the change link, and the Verified (CI), Code-Review and Workflow votes.
    static func cell(_ record: ReviewRecord) -> String {
        guard let change = record.change else { return badge(.noChange) }
        let url = HTMLText.escape(change.url)
        let votes = [
            ("CI", "Verified", change.verified), ("CR", "Code-Review", change.codeReview),
            ("W", "Workflow", change.workflow),
        ].map { short, name, vote in
            "<span title=\"\(name)\">\(short) \(signed(vote))</span>"
        }
        return badge(change.state) + " <a href=\"\(url)\" title=\"\(url)\">#\(change.number)</a>"
            + "<br><span class=\"votes\">\(votes.joined(separator: " · "))</span>"
    }

    /// `+2`, `-1`, `0`.
    static func signed(_ vote: Int) -> String { vote > 0 ? "+\(vote)" : "\(vote)" }

    private static func badge(_ state: ReviewState) -> String {
        "<span class=\"badge r-\(state.cssName)\">\(HTMLText.escape(state.rawValue))</span>"
    }
}
