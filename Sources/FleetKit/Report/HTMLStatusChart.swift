import Foundation

/// The status counts of `summary.html`, drawn as an inline SVG stacked bar with a legend.
enum HTMLStatusChart {
    /// The fill colour of each status: greens for done, blue for waiting on review, grey, amber and red.
    static func colour(of status: RepoStatus) -> String {
        switch status {
        case .migrated: "#2e7d32"
        case .alreadyMigrated: "#81c784"
        case .upToDate: "#1976d2"
        case .notApplicable: "#9e9e9e"
        case .needsAttention: "#f9a825"
        case .failed: "#c62828"
        }
    }

    /// CSS classes `.s-<status>` for the table's status badges, in the chart's colours.
    static var badgeStyles: String {
        RepoStatus.allCases.map { status in
            let text = status == .alreadyMigrated || status == .needsAttention ? "#1d1d1f" : "#fff"
            return ".s-\(status.rawValue) { background: \(colour(of: status)); color: \(text); }"
        }.joined(separator: "\n")
    }

    /// The bar (one segment per status that has repos, in proportion) and the legend (every status, with counts).
    static func render(_ summary: Summary) -> String {
        let total = summary.repos.count
        let width = 1000.0
        var segments: [String] = []
        var x = 0.0
        for (status, count) in summary.statusCounts where count > 0 {
            let segment = width * Double(count) / Double(total)
            segments.append(
                "<rect x=\"\(format(x))\" y=\"0\" width=\"\(format(segment))\" height=\"36\" "
                    + "fill=\"\(colour(of: status))\"><title>\(status.rawValue): \(count)</title></rect>")
            x += segment
        }
        if segments.isEmpty {
            segments.append(
                "<rect x=\"0\" y=\"0\" width=\"1000\" height=\"36\" fill=\"#e0e0e0\"><title>no repositories</title></rect>"
            )
        }
        let label = summary.statusCounts.map { "\($0.count) \($0.status.rawValue)" }.joined(separator: ", ")
        let bar =
            "<svg class=\"bar\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" viewBox=\"0 0 1000 36\" "
            + "preserveAspectRatio=\"none\">" + segments.joined() + "</svg>"
        let legend = summary.statusCounts.map { status, count in
            "<li><svg viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" rx=\"3\" "
                + "fill=\"\(colour(of: status))\"/></svg>\(status.rawValue) <strong>\(count)</strong></li>"
        }
        return bar + "\n<ul class=\"legend\">" + legend.joined() + "</ul>"
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
