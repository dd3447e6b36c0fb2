/// A `setup.cfg` read the way PBR reads it (Python's `configparser` defaults), keeping every line's bytes and number.
///
/// Lines end at `\n`, `\r\n` or `\r` (Python's universal newlines); each keeps its own terminator, so writing the
/// lines back gives the original bytes. `#` and `;` lines are comments wherever they are, a line indented deeper than
/// its key continues the key's value (blank and comment lines in between included), and keys use `=` or `:`.
package struct SetupCfg: Sendable {
    /// One physical line.
    struct Line: Sendable, Equatable {
        /// The text without its terminator.
        var text: String
        /// `"\n"`, `"\r\n"`, `"\r"`, or empty for a last line without one.
        var terminator: String
    }

    /// A `key = value` with its continuation lines.
    package struct Entry: Sendable, Equatable {
        /// The key, lower-cased as `configparser` does.
        var key: String
        /// The 1-based line of the key.
        var line: Int
        /// The 1-based last line holding part of the value (the key line when it has no continuation).
        var lastLine: Int
        /// The non-empty value lines (the text after the delimiter first, when present), stripped, with their lines.
        var values: [(text: String, line: Int)]

        package static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.key == rhs.key && lhs.line == rhs.line && lhs.lastLine == rhs.lastLine
                && lhs.values.map(\.text) == rhs.values.map(\.text) && lhs.values.map(\.line) == rhs.values.map(\.line)
        }
    }

    /// A `[name]` section.
    package struct Section: Sendable, Equatable {
        /// The name between the brackets.
        var name: String
        /// The 1-based line of the header.
        var headerLine: Int
        /// The 1-based last line before the next header (or the end of the file).
        var lastLine: Int
        /// The keys, in file order.
        package var entries: [Entry]

        /// The entry for `key` (compared lower-cased).
        func entry(_ key: String) -> Entry? { entries.first { $0.key == key.lowercased() } }
    }

    /// The file name used in messages.
    let fileName: String
    /// Every physical line, in order; line `n` is `lines[n - 1]`.
    private(set) var lines: [Line]
    /// Every section, in order.
    private(set) var sections: [Section]

    /// Parses `text`.
    /// - Throws: ``MigrationProblem`` naming `file:line` for an unterminated section header, a key before any
    ///   section, a line that is neither, or a duplicate section or key (all errors for `configparser`).
    package init(text: String, fileName: String = "setup.cfg") throws(MigrationProblem) {
        self.fileName = fileName
        lines = Self.split(text)
        sections = []
        try parse()
    }

    /// The section called `name`.
    package func section(_ name: String) -> Section? { sections.first { $0.name == name } }

    /// The file's bytes, rebuilt from its lines.
    var text: String {
        var result = ""
        result.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 2 })
        for line in lines { result += line.text + line.terminator }
        return result
    }

    /// Removes the lines `range` (1-based, inclusive) and parses again.
    mutating func removeLines(_ range: ClosedRange<Int>) throws(MigrationProblem) {
        lines.removeSubrange((range.lowerBound - 1)...(range.upperBound - 1))
        try parse()
    }

    // MARK: - Private

    private static func split(_ text: String) -> [Line] {
        var result: [Line] = []
        var current: [UInt8] = []
        var bytes = text.utf8.makeIterator()
        var pendingCR = false
        func finish(_ terminator: String) {
            result.append(Line(text: String(decoding: current, as: UTF8.self), terminator: terminator))
            current.removeAll(keepingCapacity: true)
        }
        while let byte = bytes.next() {
            if pendingCR {
                pendingCR = false
                if byte == UInt8(ascii: "\n") {
                    finish("\r\n")
                    continue
                }
                finish("\r")
            }
            switch byte {
            case UInt8(ascii: "\n"): finish("\n")
            case UInt8(ascii: "\r"): pendingCR = true
            default: current.append(byte)
            }
        }
        if pendingCR {
            finish("\r")
        } else if !current.isEmpty {
            finish("")
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0C || byte == 0x0B
    }

    /// `text` without its leading and trailing spaces, with the number of leading ones.
    ///
    /// Counted in bytes (the spaces are ASCII), so no line is walked by grapheme clusters.
    private static func trimmed(_ text: Substring) -> (text: Substring, indent: Int) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, isSpace(utf8[start]) { start = utf8.index(after: start) }
        var end = utf8.endIndex
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return (text[start..<end], utf8.distance(from: utf8.startIndex, to: start))
    }

    private mutating func parse() throws(MigrationProblem) {
        var parsed: [Section] = []
        // Sets, not scans of `parsed`: a scan per key made a 60,000-key file (0.5 MB) take minutes.
        var sectionNames: Set<String> = []
        var keysOfSection: Set<String> = []
        var keyIndent = Int.max
        var hasOpenEntry = false
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let (trimmedLine, indent) = Self.trimmed(line.text[...])
            let stripped = String(trimmedLine)
            if stripped.isEmpty || stripped.hasPrefix("#") || stripped.hasPrefix(";") { continue }
            if hasOpenEntry, indent > keyIndent, !parsed.isEmpty {
                let sectionIndex = parsed.count - 1
                let entryIndex = parsed[sectionIndex].entries.count - 1
                parsed[sectionIndex].entries[entryIndex].values.append((stripped, number))
                parsed[sectionIndex].entries[entryIndex].lastLine = number
                continue
            }
            keyIndent = indent
            if stripped.hasPrefix("[") {
                guard let close = stripped.lastIndex(of: "]"), close > stripped.index(after: stripped.startIndex) else {
                    throw problem(number, "unterminated section header \(stripped)")
                }
                let name = String(stripped[stripped.index(after: stripped.startIndex)..<close])
                guard sectionNames.insert(name).inserted else {
                    throw problem(number, "duplicate section [\(name)]")
                }
                keysOfSection.removeAll(keepingCapacity: true)
                if var last = parsed.popLast() {
                    last.lastLine = number - 1
                    parsed.append(last)
                }
                parsed.append(Section(name: name, headerLine: number, lastLine: lines.count, entries: []))
                hasOpenEntry = false
                continue
            }
            guard !parsed.isEmpty else { throw problem(number, "key before any section header") }
            guard let delimiter = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw problem(number, "line is neither a section header, a key nor a continuation")
            }
            let key = String(Self.trimmed(stripped[..<delimiter]).text).lowercased()
            guard !key.isEmpty else { throw problem(number, "key without a name") }
            let value = String(Self.trimmed(stripped[stripped.index(after: delimiter)...]).text)
            let sectionIndex = parsed.count - 1
            guard keysOfSection.insert(key).inserted else {
                throw problem(number, "duplicate key \(key) in [\(parsed[sectionIndex].name)]")
            }
            parsed[sectionIndex].entries.append(
                Entry(key: key, line: number, lastLine: number, values: value.isEmpty ? [] : [(value, number)]))
            hasOpenEntry = true
        }
        sections = parsed
    }

    private func problem(_ line: Int, _ message: String) -> MigrationProblem {
        MigrationProblem("\(fileName):\(line): \(message)")
    }
}
