/// The plain-text results `fleet run` prints to stdout: one line per repo, then the totals.
public enum ResultsTable {
    /// Renders the summary as aligned text.
    public static func render(_ summary: Summary) -> String {
        let width = summary.repos.map(\.name.count).max() ?? 0
        let statusWidth = RepoStatus.allCases.map(\.rawValue.count).max() ?? 0
        var lines = summary.repos.map { result in
            var line = padded(result.name, to: width) + "  " + padded(result.status.rawValue, to: statusWidth)
            let highlights = result.highlights.joined(separator: ", ")
            if !highlights.isEmpty { line += "  " + highlights }
            if let message = result.message { line += "  (\(message))" }
            while line.last == " " { line.removeLast() }
            return line
        }
        let counts = RepoStatus.allCases.compactMap { status -> String? in
            let count = summary.totals[status.rawValue] ?? 0
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        lines.append("\(summary.repos.count) repos: " + counts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// `text` with spaces after it up to `width` characters.
    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
