/// Why a report could not be loaded, merged or written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The file is not a readable `summary.json`: missing, not JSON, or missing fields.
    case unreadableSummary(path: String, reason: String)
    /// The file is JSON of another schema than `fleet.summary/v1`.
    case wrongSchema(path: String, schema: String)
    /// Nothing to merge.
    case noSummaries
    /// Two inputs are about different goals or topics, so their repos cannot share one report.
    case mismatchedGoal(field: String, expected: String, found: String, input: Int)

    public var description: String {
        switch self {
        case .unreadableSummary(let path, let reason):
            "\(path): not a readable summary.json: \(reason)"
        case .wrongSchema(let path, let schema):
            "\(path): schema is \"\(schema)\", expected \"\(Summary.schemaIdentifier)\""
        case .noSummaries:
            "no summaries to merge"
        case .mismatchedGoal(let field, let expected, let found, let input):
            "summary \(input) has \(field) \"\(found)\", but the first has \"\(expected)\": only runs of one goal merge"
        }
    }
}
