// MARK: - Statements, literals and brackets

extension PythonSource {
    /// `line` without its `#` comment (a `#` inside a string literal stays).
    static func code(of line: Substring) -> Substring {
        HashComment.strip(line)
    }

    /// The index of the `=` of an assignment or keyword argument in `text` (not `==`, `<=`, `>=`, `!=`, and not
    /// inside brackets or strings), or nil.
    static func assignmentEquals(in text: Substring) -> String.Index? {
        var found: String.Index?
        walkCode(text) { index, character, previous, depth in
            guard character == "=", depth == 0 else { return true }
            let next = text.index(after: index)
            let isOperator = (next < text.endIndex && text[next] == "=") || "=<>!+-*/%&|^@:".contains(previous)
            if !isOperator { found = index }
            // The first top-level `=` decides: an operator there means no assignment.
            return false
        }
        return found
    }

    /// `text` split at each top-level `separator` (not a bracket or quote), or nil when its brackets do not balance.
    static func splitTopLevel(_ text: Substring, at separator: Character) -> [Substring]? {
        var parts: [Substring] = []
        var start = text.startIndex
        var closedTooMany = false
        let end = walkCode(text) { index, character, _, depth in
            if depth < 0 {
                closedTooMany = true
                return false
            }
            if character == separator, depth == 0 {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            return true
        }
        guard !closedTooMany, end.depth == 0, !end.inString else { return nil }
        parts.append(text[start...])
        return parts
    }

    /// Walks `text` as Python code on one line: every character outside a string literal (quotes themselves
    /// excluded) goes to `visit` with its index, the character before it and the bracket depth after it, until
    /// `visit` returns false.
    /// - Returns: the bracket depth where the walk stopped, and whether it stopped inside a string literal.
    @discardableResult
    private static func walkCode(
        _ text: Substring,
        _ visit: (_ index: String.Index, _ character: Character, _ previous: Character, _ depth: Int) -> Bool
    ) -> (depth: Int, inString: Bool) {
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            defer { previous = character }
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                continue
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            guard visit(index, character, previous, depth) else { break }
        }
        return (depth, quote != nil)
    }

    /// A string or number literal written one way (`'x'` → `"x"`), or nil for anything else.
    static func literal<S: StringProtocol>(_ text: S) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let first = value.first, first == "\"" || first == "'", value.count >= 2, value.last == first {
            let inner = value.dropFirst().dropLast()
            guard !inner.contains(first), !inner.contains("\\") else { return nil }
            return "\"\(inner)\""
        }
        if !value.isEmpty, value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "_" }), value.first?.isNumber == true {
            return value
        }
        return nil
    }

    /// The logical statement starting at line `index`: that line and the ones its open brackets continue onto,
    /// without comments, joined by single spaces.
    static func statement(from index: Int, in lines: [Substring]) -> String {
        var parts: [Substring] = []
        var depth = 0
        var current = index
        while current < lines.count {
            let code = code(of: lines[current])
            parts.append(code)
            depth += code.count { "([{".contains($0) } - code.count { ")]}".contains($0) }
            current += 1
            if depth <= 0 && !code.hasSuffix("\\") { break }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            .replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
    }
}
