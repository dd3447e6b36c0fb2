import Foundation

/// `summary.md`: what a person reads first: the status counts, one table row per repo, then the follow-ups.
public struct MarkdownReportFormatter: ReportFormatter {
    /// Makes the formatter.
    public init() {}

    public var fileName: String { "summary.md" }

    /// The Markdown text (GitHub-flavoured tables), ending with a newline.
    public func render(_ summary: Summary) throws -> String {
        var lines = [
            "# \(Self.inline(summary.goal))",
            "",
            "Topic `\(Self.inline(summary.topic))` · started \(summary.started) · "
                + "\(summary.repos.count) \(summary.repos.count == 1 ? "repository" : "repositories") "
                + "in \(summary.durationText)",
            "",
            "| status | repos |",
            "| --- | ---: |",
        ]
        lines += summary.statusCounts.map { "| \($0.status.rawValue) | \($0.count) |" }
        lines += ["| **total** | **\(summary.repos.count)** |", "", "## Repositories", ""]
        lines += [
            "| repo | team | status | new module paths | Change-Id | review | follow-ups | message |",
            "| --- | --- | --- | --- | --- | --- | ---: | --- |",
        ]
        lines += summary.repos.map(Self.row)
        let withFollowUps = summary.repos.filter { !$0.followUps.isEmpty }
        if !withFollowUps.isEmpty {
            lines += ["", "## Follow-ups", "", "References fleet did not rewrite, left for a person:"]
            for repo in withFollowUps {
                lines += ["", "### \(Self.inline(repo.name))", ""]
                lines += repo.followUps.map { "- `\(Self.inline($0.file)):\($0.line)` \(Self.inline($0.reason))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Private

    private static func row(_ repo: RepoResult) -> String {
        let review: String
        if let url = repo.reviewUrl, !url.isEmpty {
            review = url
        } else {
            review = repo.status.isReadyForReview && repo.commit != nil ? "not pushed" : ""
        }
        let cells = [
            repo.name,
            repo.team ?? "",
            repo.status.rawValue,
            repo.modulePaths.map { "`\($0)`" }.joined(separator: "<br>"),
            repo.changeId.map { "`\($0)`" } ?? "",
            review,
            "\(repo.followUps.count)",
            repo.messageLine ?? "",
        ]
        return "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// A table cell: one line, pipes escaped so they cannot end the cell.
    private static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// One line of text: newlines and runs of whitespace become one space.
    private static func inline(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
