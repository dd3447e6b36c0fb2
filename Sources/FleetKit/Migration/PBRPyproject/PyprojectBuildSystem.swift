import Foundation

/// The `[build-system]` table of a `pyproject.toml`, read line by line with the line numbers a person needs.
///
/// Not a TOML parser: it reads what build-system tables hold (a `requires` array of strings, a `build-backend`
/// string, comments, arrays over several lines) and the dotted form `build-system.build-backend = ...` at top level.
/// Python's `tomllib` checks the file fleet writes.
struct PyprojectBuildSystem {
    /// The line of the `[build-system]` header (or of the first dotted `build-system.` key); nil when there is none.
    var tableLine: Int?
    /// The `build-backend` value and its line.
    var backend: (value: String, line: Int)?
    /// The `requires` strings, when the table has that key.
    var requires: [String]?

    /// Reads the build-system table of `text`.
    init(parsing text: String) {
        var table: String?
        var pendingArray: (values: [String], open: Bool)?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(HashComment.strip(rawLine, escapingQuotes: ["\""])).trimmingCharacters(in: .whitespaces)
            if var array = pendingArray, array.open {
                array.values += Self.strings(in: line)
                array.open = !line.contains("]")
                pendingArray = array
                if !array.open { requires = array.values }
                continue
            }
            if line.hasPrefix("[") {
                table = Self.tableName(line)
                if table == "build-system", tableLine == nil { tableLine = offset + 1 }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            var key = Self.unquoted(line[..<equals].trimmingCharacters(in: .whitespaces))
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if table == nil, key.hasPrefix("build-system.") {
                key = String(key.dropFirst("build-system.".count))
                if tableLine == nil { tableLine = offset + 1 }
            } else if table != "build-system" {
                continue
            }
            switch key {
            case "build-backend":
                if backend == nil { backend = (Self.strings(in: value).first ?? value, offset + 1) }
            case "requires" where value.hasPrefix("["):
                let open = !value.contains("]")
                pendingArray = (Self.strings(in: value), open)
                if !open { requires = pendingArray?.values }
            default:
                break
            }
        }
    }

    // MARK: - Private

    /// The table name of a header line (`[build-system]`, `[ "build-system" ]`), or of an array-of-tables header.
    private static func tableName(_ line: String) -> String {
        let inner = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
        return inner.split(separator: ".").map { unquoted($0.trimmingCharacters(in: .whitespaces)) }
            .joined(separator: ".")
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }

    /// The quoted strings of a line, in order (basic strings with `\"` and `\\` escapes, and literal strings).
    private static func strings(in line: String) -> [String] {
        var found: [String] = []
        var current: String?
        var quote: Character = "\""
        var escaped = false
        for character in line {
            if var text = current {
                if escaped {
                    text.append(character)
                    escaped = false
                } else if character == "\\" && quote == "\"" {
                    escaped = true
                } else if character == quote {
                    found.append(text)
                    current = nil
                    continue
                } else {
                    text.append(character)
                }
                current = text
            } else if character == "\"" || character == "'" {
                quote = character
                current = ""
            }
        }
        return found
    }
}
