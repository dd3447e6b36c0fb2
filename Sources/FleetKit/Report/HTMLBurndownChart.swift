import Foundation

/// The burndown of `summary.html`: merged, open and not yet pushed changes over time, from `history.jsonl`, drawn as
/// an inline SVG of stacked areas (no script, no external asset).
enum HTMLBurndownChart {
    /// One point of the chart.
    struct Point: Equatable {
        var time: Date
        var merged: Int
        var open: Int
        var notPushed: Int
        var total: Int { merged + open + notPushed }
    }

    static let width = 1000.0
    static let height = 240.0
    private static let left = 44.0
    private static let right = 16.0
    private static let top = 12.0
    private static let bottom = 28.0

    /// The series, from fill to colour, bottom to top: done work under open work under work not started.
    static let series: [(name: String, colour: String, value: @Sendable (Point) -> Int)] = [
        ("merged", "#2e7d32", { $0.merged }),
        ("open", "#1976d2", { $0.open }),
        ("not yet pushed", "#bdbdbd", { $0.notPushed }),
    ]

    /// The points of `history`: before `fleet status` ever ran, every ready repo counts as not yet pushed.
    static func points(_ history: [HistoryEntry]) -> [Point] {
        history.compactMap { entry in
            guard let time = Summary.date(fromTimestamp: entry.time) else { return nil }
            if let reviews = entry.totals.reviews {
                return Point(time: time, merged: reviews.merged, open: reviews.open, notPushed: reviews.none)
            }
            let ready =
                (entry.totals[RepoStatus.migrated.rawValue] ?? 0) + (entry.totals[RepoStatus.upToDate.rawValue] ?? 0)
            return Point(time: time, merged: 0, open: 0, notPushed: ready)
        }.sorted { $0.time < $1.time }
    }

    /// The chart and its legend, or a sentence saying there is no history yet.
    static func render(_ history: [HistoryEntry]) -> String {
        let points = points(history)
        guard let first = points.first, let last = points.last else {
            return "<p class=\"muted\">No history yet: every <code>fleet run</code> and <code>fleet status</code> "
                + "adds a point to <code>history.jsonl</code>.</p>"
        }
        let peak = max(points.map(\.total).max() ?? 0, 1)
        let span = last.time.timeIntervalSince(first.time)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            guard points.count > 1 else { return left + plotWidth / 2 }
            // Time-proportional; evenly spaced when every point has the same time.
            let fraction =
                span > 0
                ? points[index].time.timeIntervalSince(first.time) / span
                : Double(index) / Double(points.count - 1)
            return left + plotWidth * fraction
        }
        func y(_ count: Int) -> Double { top + plotHeight * (1 - Double(count) / Double(peak)) }

        var shapes: [String] = []
        var below = Array(repeating: 0, count: points.count)
        for layer in series {
            let above = zip(below, points).map { $0 + layer.value($1) }
            var corners = points.indices.map { "\(format(x($0))),\(format(y(above[$0])))" }
            corners += points.indices.reversed().map { "\(format(x($0))),\(format(y(below[$0])))" }
            if points.count == 1 {
                // A single point is drawn as a bar a little wide, so it can be seen.
                let mid = x(0)
                corners = [
                    "\(format(mid - 12)),\(format(y(above[0])))", "\(format(mid + 12)),\(format(y(above[0])))",
                    "\(format(mid + 12)),\(format(y(below[0])))", "\(format(mid - 12)),\(format(y(below[0])))",
                ]
            }
            let now = layer.value(last)
            shapes.append(
                "<polygon class=\"area\" data-series=\"\(layer.name)\" points=\"\(corners.joined(separator: " "))\" "
                    + "fill=\"\(layer.colour)\"><title>\(layer.name): \(now) now</title></polygon>")
            below = above
        }
        let axes = [
            "<line x1=\"\(format(left))\" y1=\"\(format(top))\" x2=\"\(format(left))\" y2=\"\(format(height - bottom))\" "
                + "stroke=\"#5f6368\"/>",
            "<line x1=\"\(format(left))\" y1=\"\(format(height - bottom))\" x2=\"\(format(width - right))\" "
                + "y2=\"\(format(height - bottom))\" stroke=\"#5f6368\"/>",
            label(String(peak), x: left - 6, y: top + 10, anchor: "end"),
            label("0", x: left - 6, y: height - bottom, anchor: "end"),
            label(day(first.time), x: left, y: height - 8, anchor: "start"),
            label(day(last.time), x: width - right, y: height - 8, anchor: "end"),
        ]
        let summary = series.map { "\($0.name) \($0.value(last))" }.joined(separator: ", ")
        let svg =
            "<svg class=\"burndown\" role=\"img\" aria-label=\"Burndown over \(points.count) point"
            + "\(points.count == 1 ? "" : "s"): \(summary)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
            + shapes.joined() + axes.joined() + "</svg>"
        let legend = series.map { layer in
            "<li><svg viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" rx=\"3\" "
                + "fill=\"\(layer.colour)\"/></svg>\(layer.name) <strong>\(layer.value(last))</strong></li>"
        }
        return svg + "\n<ul class=\"legend\">" + legend.joined() + "</ul>"
    }

    private static func label(_ text: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\" font-size=\"12\" fill=\"#5f6368\">"
            + HTMLText.escape(text) + "</text>"
    }

    /// `2026-11-30 10:12` (UTC).
    private static func day(_ date: Date) -> String {
        String(Summary.timestamp(date).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
