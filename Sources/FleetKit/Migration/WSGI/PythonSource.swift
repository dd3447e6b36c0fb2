import Foundation

/// Line-level facts about Python source, enough to tell what a module defines at module level.
enum PythonSource {
    /// Python's keywords, which are not valid names.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Whether `name` is an ASCII Python identifier and not a keyword.
    static func isIdentifier<S: StringProtocol>(_ name: S) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (0x30...0x39).contains($0) }
            && !keywords.contains(String(name))
    }

    /// Whether `text` binds `name` at module level: `def name(`, `async def name(`, `class name`, `name =`,
    /// `name: T =`, or an import that ends in `name` (`from x import name`, `import x as name`).
    static func definesName(_ name: String, in text: String) -> Bool {
        var continuingImport = false
        for raw in TextLines.split(text) {
            let line = Substring(raw)
            if continuingImport {
                if importedNames(in: line).contains(name) { return true }
                continuingImport = !line.contains(")")
                continue
            }
            guard let first = line.first, first != " ", first != "\t", first != "#" else { continue }
            if line.hasPrefix("def \(name)(") || line.hasPrefix("async def \(name)(") { return true }
            if line.hasPrefix("class \(name)(") || line.hasPrefix("class \(name):") { return true }
            if line.hasPrefix(name) {
                let rest = line.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") && !rest.hasPrefix("==") { return true }
                if rest.hasPrefix(":") { return true }
                if rest.hasPrefix(",") && line.contains("=") { return true }
            }
            if line.hasPrefix("from ") || line.hasPrefix("import "), let keyword = line.range(of: "import ") {
                let names = line[keyword.upperBound...]
                if importedNames(in: names).contains(name) { return true }
                continuingImport = names.contains("(") && !names.contains(")")
            }
        }
        return false
    }

    /// Whether `text` binds `application` at module level.
    static func definesApplication(in text: String) -> Bool { definesName("application", in: text) }

    /// Whether `text` has a relative import (`from .x import y`), whose meaning changes when the file moves down a
    /// folder.
    static func relativeImportLines(in text: String) -> [Int] {
        var result: [Int] = []
        for (index, line) in TextLines.split(text).enumerated() {
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("from .") { result.append(index + 1) }
        }
        return result
    }

    /// `text` with each relative import one level deeper (`from . import x` → `from .. import x`), for a module
    /// moved from `pkg/wsgi.py` to `pkg/wsgi/__init__.py`.
    static func deepeningRelativeImports(in text: String) -> String {
        var lines = TextLines.split(text).map(String.init)
        for index in lines.indices {
            let indent = lines[index].prefix { $0 == " " || $0 == "\t" }
            let rest = lines[index].dropFirst(indent.count)
            if rest.hasPrefix("from .") { lines[index] = indent + "from .." + rest.dropFirst("from .".count) }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Private

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// The names an import list binds: `a, b as c, (d,` → `a`, `c`, `d`.
    private static func importedNames(in list: Substring) -> [String] {
        let cleaned = list.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return cleaned.split(separator: ",").compactMap { item in
            let words = item.split(whereSeparator: { " \t\r()\\".contains($0) })
            return words.last.map(String.init)
        }
    }
}
