import Foundation
import Yams

/// Finds every duplicate key of a YAML document, located at the duplicate rather than at the first occurrence.
///
/// Yams refuses a document with duplicate keys and names only the first occurrence of one of them, so the user
/// fixes one, re-runs, and meets the next. Here each key Yams names is given a unique prefix in a working copy of
/// the text, and the copy composed again, until it composes; then every mapping's keys are compared by their
/// original text, and each later occurrence is reported. Columns are mapped back through the inserted prefixes.
enum YAMLDuplicateKeys {
    /// At most this many keys are renamed before giving up (each rename composes the document again).
    static let renameLimit = 100

    /// The composed document and a diagnostic for every duplicate key, or nil when the text has another error (or
    /// more duplicates than ``renameLimit``), left for the caller to report.
    static func compose(_ text: String, file: String) -> (root: Node?, duplicates: [Diagnostic])? {
        var working = WorkingText(text)
        for round in 0...renameLimit {
            do {
                let root = try Yams.compose(yaml: working.text, YAMLInput.resolver)
                return (root, root.map { duplicates(in: $0, working: working, file: file) } ?? [])
            } catch let YamlError.duplicatedKeysInMapping(keys, context) {
                guard round < renameLimit, let key = keys.first else { return nil }
                working.rename(at: context.mark, key: key, round: round)
            } catch {
                return nil
            }
        }
        return nil
    }

    /// Every later occurrence of a key, in every mapping of `node`, in document order.
    private static func duplicates(in node: Node, working: WorkingText, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func visit(_ node: Node) {
            switch node {
            case .mapping(let mapping):
                var first: [String: Int] = [:]
                for (key, value) in mapping {
                    if let name = key.string, let mark = key.mark {
                        let original = working.original(name: name, at: mark)
                        if let line = first[original.name] {
                            found.append(
                                Diagnostic(
                                    file: file, line: original.mark.line, column: original.mark.column,
                                    message: "duplicate key '\(original.name)' (first at line \(line))"))
                        } else {
                            first[original.name] = original.mark.line
                        }
                    }
                    visit(value)
                }
            case .sequence(let sequence):
                sequence.forEach(visit)
            case .scalar, .alias:
                break
            }
        }
        visit(node)
        return found.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
    }
}

/// The document's text with some keys renamed by a prefix, and the way back to the original names and columns.
private struct WorkingText {
    /// One prefix put in front of a key: where (original 1-based column) and how long.
    struct Insertion {
        var column: Int
        var length: Int
    }

    private let source: String
    /// The text's lines, split only at the first rename: a document without duplicates is composed as it is.
    private var lines: [[Unicode.Scalar]] = []
    private var insertions: [Int: [Insertion]] = [:]
    private var originals: [String: String] = [:]

    init(_ text: String) {
        source = text
    }

    var text: String {
        guard !originals.isEmpty else { return source }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    /// Puts a unique prefix before the key at `mark` (a position in the working text), called `key` originally.
    mutating func rename(at mark: Mark, key: String, round: Int) {
        let prefix = "fleetduplicate\(round)x"
        if originals.isEmpty {
            lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        }
        let line = mark.line - 1
        guard lines.indices.contains(line) else { return }
        let column = min(max(mark.column - 1, 0), lines[line].count)
        lines[line].insert(contentsOf: prefix.unicodeScalars, at: column)
        let original = originalColumn(line: mark.line, column: mark.column)
        insertions[mark.line, default: []].append(Insertion(column: original, length: prefix.unicodeScalars.count))
        insertions[mark.line]?.sort { $0.column < $1.column }
        originals[prefix] = key
    }

    /// The original name and position of a key seen at `mark` in the working text.
    func original(name: String, at mark: Mark) -> (name: String, mark: (line: Int, column: Int)) {
        let position = (line: mark.line, column: originalColumn(line: mark.line, column: mark.column))
        guard name.hasPrefix("fleetduplicate"), let end = name.firstIndex(of: "x"),
            let key = originals[String(name[...end])]
        else { return (name, position) }
        return (key, position)
    }

    /// Maps a column of the working text back to the original text's.
    private func originalColumn(line: Int, column: Int) -> Int {
        var shift = 0
        for insertion in insertions[line] ?? [] {
            let start = insertion.column + shift
            if column < start { break }
            if column < start + insertion.length { return insertion.column }
            shift += insertion.length
        }
        return column - shift
    }
}
