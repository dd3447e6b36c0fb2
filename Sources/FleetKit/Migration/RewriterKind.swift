import Foundation

/// A rewriter type as the loaders, the registry and the reports see it: its name and keys, and its typed work
/// behind closures that take and give ``JSONValue``s.
public struct RewriterKind: Sendable {
    /// The plan's `rewriter:` value.
    public let name: String
    /// The keys `options:` may hold.
    public let optionKeys: [String]
    /// The extra keys a manifest repo entry may hold.
    public let repositoryKeys: [String]
    /// The plan subject's `{placeholders}` and the length each is assumed to fill.
    public let subjectPlaceholders: [String: Int]
    /// How reports present the highlights.
    public let presentation: RewriterPresentation
    /// The plans the rewriter ships: name → YAML text.
    public let builtInPlans: [String: String]

    let readOptions: @Sendable (MappingReader?, inout DiagnosticSink) -> JSONValue?
    let checkSettings: @Sendable (MappingReader, inout DiagnosticSink) -> Void
    let highlightsOfDetails: @Sendable ([String: JSONValue]) -> [String]?
    let verbOfHighlights: @Sendable ([String]) -> String?
    let make: @Sendable (JSONValue, RewriterEnvironment) throws -> AnyRewriter

    /// The kind of rewriter `type`.
    public init<R: Rewriter>(_ type: R.Type) {
        name = R.name
        optionKeys = R.optionKeys
        repositoryKeys = R.repositoryKeys
        subjectPlaceholders = R.subjectPlaceholders
        presentation = R.presentation
        builtInPlans = R.builtInPlans
        readOptions = { map, sink in
            guard let options = R.readOptions(map, sink: &sink) else { return nil }
            do {
                return try JSONValue.encoding(options)
            } catch {
                sink.error("the options of rewriter '\(R.name)' cannot be stored: \(error)", at: map?.mark)
                return nil
            }
        }
        checkSettings = { entry, sink in R.checkSettings(in: entry, sink: &sink) }
        highlightsOfDetails = { members in
            (try? JSONValue.object(members).decode(as: R.Details.self)).map(R.highlights(of:))
        }
        verbOfHighlights = { R.highlightsVerb(for: $0) }
        make = { options, environment in
            AnyRewriter(R(options: try options.decode(as: R.Options.self), environment: environment))
        }
    }

    /// The highlights a rewriter of this kind gives for stored details; nil when they are not its details.
    public func highlights(ofDetails details: [String: JSONValue]) -> [String]? {
        highlightsOfDetails(details)
    }

    /// The verb before a repo's highlights in `status.rst`; nil when the highlights are a statement of their own.
    public func highlightsVerb(ofHighlights highlights: [String]) -> String? {
        verbOfHighlights(highlights)
    }

    /// Makes the rewriter for a run from a plan's stored options.
    /// - Throws: `DecodingError` when the options are not this rewriter's.
    public func makeRewriter(options: JSONValue, environment: RewriterEnvironment) throws -> AnyRewriter {
        try make(options, environment)
    }
}
