/// One report format: renders the run's ``Summary`` as the text of one file in the report folder.
///
/// Formatters render values only: they never read repositories or the file system.
public protocol ReportFormatter: Sendable {
    /// The file this format is written to, relative to the report folder, such as `summary.md`.
    var fileName: String { get }
    /// Renders `summary` as this format's text.
    /// - Throws: when the summary cannot be encoded (JSON).
    func render(_ summary: Summary) throws -> String
}

/// The report formats fleet writes.
public enum ReportFormats {
    /// Every format; `summary.json`, the machine contract, first (``ReportWriter`` writes it last).
    public static let all: [any ReportFormatter] = all(history: [])

    /// Every format, the HTML page drawing `history` (the report folder's `history.jsonl`) as a burndown.
    public static func all(history: [HistoryEntry]) -> [any ReportFormatter] {
        [JSONReportFormatter(), MarkdownReportFormatter(), StatusRSTFormatter(), HTMLReportFormatter(history: history)]
    }
}
