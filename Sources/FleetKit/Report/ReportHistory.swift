import Foundation

/// One line of `history.jsonl`: the totals at one moment.
public struct HistoryEntry: Codable, Sendable, Equatable {
    /// When, ISO-8601 UTC.
    public var time: String
    /// The summary's totals then (with `reviews` once `fleet status` ran).
    public var totals: SummaryTotals

    /// Makes an entry.
    public init(time: String, totals: SummaryTotals) {
        self.time = time
        self.totals = totals
    }
}

/// `<report-dir>/history.jsonl`: the totals of every `fleet run` and `fleet status`, one JSON object per line.
public enum ReportHistory {
    /// The file name in the report folder.
    public static let fileName = "history.jsonl"

    /// Appends `{"time": ..., "totals": {...}}` for `summary` as one line.
    /// - Throws: the file system's error when the line cannot be written.
    public static func append(_ summary: Summary, at time: Date = Date(), to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(HistoryEntry(time: Summary.timestamp(time), totals: summary.totals))
        line.append(UInt8(ascii: "\n"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
    }

    /// The entries of the report folder's history, oldest first; lines that are not entries are skipped.
    public static func load(from directory: URL) -> [HistoryEntry] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8) else {
            return []
        }
        return text.split(whereSeparator: \.isNewline).compactMap {
            try? JSONDecoder().decode(HistoryEntry.self, from: Data($0.utf8))
        }
    }

    /// For `fleet run`: keeps the `review` the last report recorded for each repo whose Change-Id is unchanged
    /// (a re-run makes a new patch set of the same change), then appends the totals to the history.
    /// - Returns: the summary to write.
    public static func recordRun(_ summary: Summary, in directory: URL) throws -> Summary {
        var summary = summary
        let previous = try? SummaryFile.load(from: directory.appendingPathComponent("summary.json"))
        let reviews = Dictionary(
            (previous?.repos ?? []).compactMap { repo in repo.review.map { (repo.name, (repo.changeId, $0)) } }
        ) { first, _ in first }
        for index in summary.repos.indices where summary.repos[index].review == nil {
            let repo = summary.repos[index]
            if let (changeId, review) = reviews[repo.name], changeId != nil, changeId == repo.changeId {
                summary.repos[index].review = review
            }
        }
        summary.totals = Summary.totals(of: summary.repos)
        try append(summary, to: directory)
        return summary
    }
}
