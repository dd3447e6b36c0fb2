import Foundation

/// `summary.html`: one self-contained page for the goal champion.
///
/// Inline CSS, no scripts, nothing loaded from anywhere: the status counts drawn as an inline SVG stacked bar with a
/// legend, then the per-repo table. Every piece of text from the run is HTML-escaped. The only URLs are the review
/// links the run recorded, as plain `<a href>` links a reader may follow.
public struct HTMLReportFormatter: ReportFormatter {
    /// The report folder's `history.jsonl`, drawn as the burndown.
    public var history: [HistoryEntry]

    /// Makes the formatter.
    /// - Parameter history: the entries of `history.jsonl`, oldest first; none hides the burndown.
    public init(history: [HistoryEntry] = []) {
        self.history = history
    }

    public var fileName: String { "summary.html" }

    /// The page, ending with a newline.
    public func render(_ summary: Summary) throws -> String {
        let title = "fleet report: " + summary.goal
        let noun = summary.repos.count == 1 ? "repository" : "repositories"
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(Self.styleSheet)
            </style>
            </head>
            <body>
            <main>
            <h1>\(HTMLText.escape(summary.goal))</h1>
            <p class="meta">Topic <code>\(HTMLText.escape(summary.topic))</code> · started \(HTMLText.escape(summary.started)) · \
            \(summary.repos.count) \(noun) in \(HTMLText.escape(summary.durationText))</p>
            <section aria-label="Status counts">
            \(HTMLStatusChart.render(summary))
            </section>
            \(HTMLReviewSection.render(summary, history: history))
            <h2>Repositories</h2>
            <div class="scroll">
            <table>
            <thead><tr><th>Repository</th><th>Team</th><th>Status</th><th>\(HTMLText.escape(summary.presentation.highlightsTitle))</th><th>Change-Id</th>\
            <th>Review</th><th>Follow-ups</th><th>Message</th></tr></thead>
            <tbody>

            """
        html += summary.repos.map { Self.row($0, highlightsAreNames: summary.highlightsVerb(for: $0) != nil) }
            .joined(separator: "\n")
        html += """

            </tbody>
            </table>
            </div>
            </main>
            </body>
            </html>

            """
        return html
    }

    // MARK: - Private

    /// One table row; highlights that are a statement of their own (no verb) read as words, names as code.
    private static func row(_ repo: RepoResult, highlightsAreNames: Bool) -> String {
        let modules = repo.highlights.map {
            highlightsAreNames ? "<code>\(HTMLText.escape($0))</code>" : HTMLText.escape($0)
        }.joined(separator: "<br>")
        let review: String
        if let record = repo.review {
            review = HTMLReviewSection.cell(record)
        } else if let url = repo.reviewUrl, !url.isEmpty {
            review =
                "<a href=\"\(HTMLText.escape(url))\" title=\"\(HTMLText.escape(url))\">\(HTMLText.escape(linkText(url)))</a>"
        } else {
            review = repo.status.isReadyForReview && repo.commit != nil ? "<span class=\"muted\">not pushed</span>" : ""
        }
        let cells = [
            "<td class=\"repo\">\(HTMLText.escape(repo.name))</td>",
            "<td>\(HTMLText.escape(repo.team ?? ""))</td>",
            "<td><span class=\"badge s-\(repo.status.rawValue)\">\(repo.status.rawValue)</span></td>",
            "<td>\(modules)</td>",
            changeIdCell(repo.changeId),
            "<td>\(review)</td>",
            "<td class=\"num\">\(followUps(repo.followUps))</td>",
            "<td class=\"message\">\(HTMLText.escape(repo.messageLine ?? ""))</td>",
        ]
        return "<tr data-repo=\"\(HTMLText.escape(repo.name))\">" + cells.joined() + "</tr>"
    }

    /// The Change-Id shortened to Gerrit's usual 9 characters; the full id is the tooltip and stays selectable.
    private static func changeIdCell(_ changeId: String?) -> String {
        guard let changeId, !changeId.isEmpty else { return "<td></td>" }
        let id = HTMLText.escape(changeId)
        return "<td><code class=\"id\" title=\"\(id)\">\(HTMLText.escape(String(changeId.prefix(9))))</code></td>"
    }

    /// A review link's text: `#950001` for a Gerrit change URL, else `review`.
    private static func linkText(_ url: String) -> String {
        let last = url.split(separator: "/").last.map(String.init) ?? ""
        return !last.isEmpty && last.allSatisfy(\.isNumber) ? "#\(last)" : "review"
    }

    private static func followUps(_ followUps: [FollowUp]) -> String {
        guard !followUps.isEmpty else { return "0" }
        let items = followUps.map {
            "<li><code>\(HTMLText.escape($0.file)):\($0.line)</code> \(HTMLText.escape($0.reason))</li>"
        }
        return "<details><summary>\(followUps.count)</summary><ul>\(items.joined())</ul></details>"
    }

    private static let styleSheet = """
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; \
        background: #fafafa; }
        main { max-width: 1400px; margin: 0 auto; padding: 24px 32px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 8px; }
        .meta, .muted { color: #5f6368; }
        code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
        code.id { font-size: 12px; white-space: nowrap; }
        div.scroll { overflow-x: auto; }
        td.message { overflow-wrap: anywhere; min-width: 16em; }
        svg.bar { display: block; width: 100%; height: 36px; border-radius: 6px; }
        ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 22px; padding: 0; margin: 10px 0 0; }
        ul.legend li { display: flex; align-items: center; gap: 6px; }
        ul.legend svg { width: 14px; height: 14px; }
        table { border-collapse: collapse; width: 100%; background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
        th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid #e3e3e3; }
        th { background: #f1f3f4; font-weight: 600; font-size: 13px; }
        td.repo { font-weight: 600; white-space: nowrap; }
        td.num { text-align: right; }
        details ul { text-align: left; margin: 4px 0 0; padding-left: 18px; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; \
        white-space: nowrap; color: #fff; }
        svg.burndown { display: block; width: 100%; height: auto; max-height: 260px; background: #fff; \
        box-shadow: 0 1px 2px rgba(0,0,0,.12); }
        ul.reviews { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 0 0 12px; }
        .votes { color: #5f6368; font-size: 12px; white-space: nowrap; }
        """ + "\n" + HTMLStatusChart.badgeStyles + "\n" + HTMLReviewSection.badgeStyles
}
