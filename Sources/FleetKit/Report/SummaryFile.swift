import Foundation

/// Reading `summary.json` files given by a person, with errors that name the file.
public enum SummaryFile {
    /// Loads and checks one `summary.json`.
    /// - Throws: ``ReportError/unreadableSummary(path:reason:)`` when it cannot be read or decoded,
    ///   ``ReportError/wrongSchema(path:schema:)`` when its `schema` is not `fleet.summary/v1`.
    public static func load(from url: URL) throws -> Summary {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportError.unreadableSummary(path: url.path, reason: "cannot read the file")
        }
        // Check the schema first, so a summary of another version says so instead of naming a missing field.
        struct SchemaProbe: Decodable { var schema: String? }
        guard let probe = try? JSONDecoder().decode(SchemaProbe.self, from: data) else {
            throw ReportError.unreadableSummary(path: url.path, reason: "not a JSON object")
        }
        guard let schema = probe.schema else {
            throw ReportError.unreadableSummary(path: url.path, reason: "no \"schema\" field")
        }
        guard schema == Summary.schemaIdentifier else {
            throw ReportError.wrongSchema(path: url.path, schema: schema)
        }
        do {
            return try JSONDecoder().decode(Summary.self, from: data)
        } catch let error as DecodingError {
            throw ReportError.unreadableSummary(path: url.path, reason: describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "missing field \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in \(at)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context))"
        case .dataCorrupted(let context):
            return "bad value at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "cannot be decoded"
        }
    }
}
