import Foundation

/// `summary.md`: what a person reads first: the status counts, one table row per repo, then the follow-ups.
public struct MarkdownReportFormatter: ReportFormatter {
    /// Makes the formatter.
    public init() {}

    public var fileName: String { "summary.md" }

    /// The Markdown text (GitHub-flavoured tables), ending with a newline.
    public func render(_ summary: Summary) throws -> String {
        var lines = [
            "# \(Self.text(summary.goal))",
            "",
            "Topic \(Self.code(summary.topic)) · started \(summary.started) · "
                + "\(summary.repos.count) \(summary.repos.count == 1 ? "repository" : "repositories") "
                + "in \(summary.durationText)",
            "",
            "| status | repos |",
            "| --- | ---: |",
        ]
        lines += summary.statusCounts.map { "| \($0.status.rawValue) | \($0.count) |" }
        lines += ["| **total** | **\(summary.repos.count)** |"]
        lines += Self.reviewCounts(summary)
        lines += ["", "## Repositories", ""]
        lines += [
            "| repo | team | status | \(Self.text(summary.presentation.highlightsTitle.lowercased())) | Change-Id | review "
                + "| follow-ups | message |",
            "| --- | --- | --- | --- | --- | --- | ---: | --- |",
        ]
        lines += summary.repos.map { Self.row($0, highlightsAreNames: summary.highlightsVerb(for: $0) != nil) }
        let withFollowUps = summary.repos.filter { !$0.followUps.isEmpty }
        if !withFollowUps.isEmpty {
            lines += ["", "## Follow-ups", "", "References fleet did not rewrite, left for a person:"]
            for repo in withFollowUps {
                lines += ["", "### \(Self.text(repo.name))", ""]
                lines += repo.followUps.map { "- \(Self.code("\($0.file):\($0.line)")) \(Self.text($0.reason))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Private

    /// One table row; highlights that are a statement of their own (no verb) read as words, names as code.
    private static func row(_ repo: RepoResult, highlightsAreNames: Bool) -> String {
        let review: String
        if let record = repo.review {
            review = reviewCell(record)
        } else if let url = repo.reviewUrl, !url.isEmpty {
            review = url
        } else {
            review = repo.status.isReadyForReview && repo.commit != nil ? "not pushed" : ""
        }
        let cells = [
            text(repo.name),
            text(repo.team ?? ""),
            repo.status.rawValue,
            repo.highlights.map(highlightsAreNames ? code : text).joined(separator: "<br>"),
            repo.changeId.map(code) ?? "",
            review,
            "\(repo.followUps.count)",
            text(repo.messageLine ?? ""),
        ]
        // Pipes inside code spans too: GitHub splits table cells before it reads code spans.
        return "| " + cells.map(escapingPipes).joined(separator: " | ") + " |"
    }

    /// The review states of the repos `fleet status` asked about, as a second counts table.
    private static func reviewCounts(_ summary: Summary) -> [String] {
        let tracked = summary.repos.filter { $0.review != nil }
        guard !tracked.isEmpty else { return [] }
        var lines = ["", "| review | changes |", "| --- | ---: |"]
        lines += ReviewState.allCases.map { state in
            "| \(state.rawValue) | \(tracked.count { $0.review?.state == state }) |"
        }
        return lines
    }

    /// `merged [#945123](url) · Verified +1 · Code-Review +2 · Workflow +1`, or `no change`.
    private static func reviewCell(_ record: ReviewRecord) -> String {
        guard let change = record.change else { return ReviewState.noChange.rawValue }
        let votes = [("Verified", change.verified), ("Code-Review", change.codeReview), ("Workflow", change.workflow)]
            .map { "\($0) \(HTMLReviewSection.signed($1))" }
        let link = "[#\(change.number)](\(change.url.replacingOccurrences(of: ")", with: "%29")))"
        return ([text(change.state.rawValue) + " " + link] + votes).joined(separator: " · ")
    }

    /// Free text on one line, with the characters Markdown would read as markup (or HTML) backslash-escaped.
    private static func text(_ text: String) -> String {
        let line = inline(text)
        guard line.utf8.contains(where: markup.contains) else { return line }
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar.isASCII, markup.contains(UInt8(scalar.value)) { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }

    /// The bytes of the characters ``text(_:)`` escapes: `` \`*_<>[] ``.
    private static let markup = Set("\\`*_<>[]".utf8)

    /// A table cell with its pipes escaped.
    private static func escapingPipes(_ cell: String) -> String {
        guard cell.utf8.contains(UInt8(ascii: "|")) else { return cell }
        return cell.replacingOccurrences(of: "|", with: "\\|")
    }

    /// A code span on one line, with a fence longer than any run of backticks inside it.
    private static func code(_ text: String) -> String {
        let line = inline(text)
        guard line.contains("`") else { return "`\(line)`" }
        return "`` \(line) ``"
    }

    /// One line of text: each run of line breaks becomes one space.
    private static func inline(_ text: String) -> String {
        let breaks = text.unicodeScalars.contains { $0.properties.isWhitespace && $0 != " " && $0 != "\t" }
        guard breaks else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
