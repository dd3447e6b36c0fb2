import Foundation
import Yams

/// Parses YAML text into a `Yams.Node` tree that keeps every value's line and column.
///
/// Decoding straight into `Codable` types loses positions (a `DecodingError` only has a coding path), so fleet
/// composes the node tree first, validates it by hand with located messages, and builds its models from it.
enum YAMLInput {
    /// How plain scalars get their tags: only booleans, integers and nulls, the kinds fleet's files use.
    ///
    /// Yams resolves every plain scalar against each rule's regular expression when the node is made; its default
    /// seven rules (floats, timestamps, merge and value keys too) were a third of loading a 108-repo manifest, and
    /// compiling them 2 ms of every start. Reading values does not change: `Node.int`, `float` and `null` read the
    /// text whatever the tag; `Node.bool` needs the tag, which this still sets.
    static let resolver = Resolver.basic.appending(.bool).appending(.int).appending(.null)

    /// Composes the first document of `text`.
    /// - Returns: the root node, or nil when the document is empty.
    /// - Throws: ``InputError`` with the syntax error's position.
    static func compose(_ text: String, file: String) throws(InputError) -> Node? {
        if let composed = YAMLDuplicateKeys.compose(text, file: file) {
            guard composed.duplicates.isEmpty else { throw InputError(composed.duplicates) }
            return composed.root
        }
        // Any other error: compose once more to report it where Yams places it.
        do {
            return try Yams.compose(yaml: text, resolver)
        } catch let error as YamlError {
            throw InputError([diagnostic(for: error, file: file)])
        } catch {
            throw InputError([Diagnostic(file: file, line: 1, column: 1, message: "malformed YAML: \(error)")])
        }
    }

    /// Turns a Yams error into a located diagnostic, without the whole document Yams attaches to some errors.
    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            var message = "malformed YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(problem, context, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "malformed YAML: duplicate key \(keys) in one mapping")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 1, column: 1, message: "malformed YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "malformed YAML: \(error)")
        }
    }
}

extension Node {
    /// Whether the node is a YAML null (`~`, `null` or nothing at all; a quoted `''` is a string).
    public var isNull: Bool { null != nil }

    /// What the node is, for messages: `a mapping`, `a list`, `nothing`, or `a string 'x'`.
    public var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing" }
            return "'\(scalar.string)'"
        }
    }

    /// The text of a non-null scalar, or nil.
    public var text: String? {
        guard case .scalar(let scalar) = self, !isNull else { return nil }
        return scalar.string
    }
}

/// One YAML mapping read key by key, in document order, with its keys' positions.
public struct MappingReader {
    /// One `key: value` pair.
    public struct Entry {
        /// The key's text.
        public var key: String
        /// The key's node (its position).
        public var keyNode: Node
        /// The value.
        public var value: Node
    }

    /// The mapping's own position.
    public let mark: Mark?
    /// Every pair whose key is a scalar, in document order.
    public let entries: [Entry]

    /// Reads `node` as a mapping; reports `what must be a mapping` and returns nil when it is not.
    public init?(_ node: Node, what: String, sink: inout DiagnosticSink) {
        guard case .mapping(let mapping) = node else {
            sink.error("\(what) must be a mapping, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        mark = mapping.mark
        var entries: [Entry] = []
        for (key, value) in mapping {
            guard let name = key.text else {
                sink.error("keys must be plain strings, found \(key.kindDescription)", at: key.mark)
                continue
            }
            entries.append(Entry(key: name, keyNode: key, value: value))
        }
        self.entries = entries
    }

    /// The value of `key`, if present.
    public subscript(_ key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    /// The position of `key` itself, if present.
    public func keyMark(_ key: String) -> Mark? {
        entries.first { $0.key == key }?.keyNode.mark
    }

    /// Reports every key not in `allowed`, naming the place (`in the manifest`, `in 'defaults'`).
    public func reportUnknownKeys(allowed: [String], place: String, sink: inout DiagnosticSink) {
        for entry in entries where !allowed.contains(entry.key) {
            sink.error(
                "unknown key '\(entry.key)' \(place) (expected one of: \(allowed.joined(separator: ", ")))",
                at: entry.keyNode.mark)
        }
    }

    /// Reports `missing key 'key' place` at the mapping when `key` is absent, and returns whether it is present.
    @discardableResult
    public func require(_ key: String, place: String, sink: inout DiagnosticSink) -> Bool {
        if self[key] != nil { return true }
        sink.error("missing key '\(key)' \(place)", at: mark)
        return false
    }

    /// Reads `key` as a non-empty string; reports a wrong type or an empty value and returns nil.
    public func string(_ key: String, sink: inout DiagnosticSink) -> String? {
        guard let node = self[key] else { return nil }
        guard let text = node.text else {
            sink.error("'\(key)' must be a string, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        guard !text.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) else {
            sink.error("'\(key)' must not be empty", at: node.mark)
            return nil
        }
        return text
    }

    /// Reads `key` as a boolean (`true`/`false`); reports anything else and returns nil.
    public func bool(_ key: String, sink: inout DiagnosticSink) -> Bool? {
        guard let node = self[key] else { return nil }
        guard let value = node.bool else {
            sink.error("'\(key)' must be true or false, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        return value
    }
}
