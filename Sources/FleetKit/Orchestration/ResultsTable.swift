/// The plain-text results `fleet run` prints to stdout: one line per repo, then the totals.
public enum ResultsTable {
    /// Renders the summary as aligned text.
    public static func render(_ summary: Summary) -> String {
        let width = summary.repos.map(\.name.count).max() ?? 0
        let statusWidth = RepoStatus.allCases.map(\.rawValue.count).max() ?? 0
        var lines = summary.repos.map { result in
            var line = result.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            line += result.status.rawValue.padding(toLength: statusWidth, withPad: " ", startingAt: 0)
            let highlights = result.highlights.joined(separator: ", ")
            if !highlights.isEmpty { line += "  " + highlights }
            if let message = result.message { line += "  (\(message))" }
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
        let counts = RepoStatus.allCases.compactMap { status -> String? in
            let count = summary.totals[status.rawValue] ?? 0
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        lines.append("\(summary.repos.count) repos: " + counts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
