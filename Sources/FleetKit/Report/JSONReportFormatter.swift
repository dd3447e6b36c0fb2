/// `summary.json`: the machine contract of DESIGN.md section 7 (`fleet.summary/v1`).
public struct JSONReportFormatter: ReportFormatter {
    /// Makes the formatter.
    public init() {}

    public var fileName: String { "summary.json" }

    /// The summary as pretty-printed JSON with sorted keys, ending with a newline.
    public func render(_ summary: Summary) throws -> String {
        String(decoding: try summary.jsonData(), as: UTF8.self) + "\n"
    }
}
