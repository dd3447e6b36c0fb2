// MARK: - Statements, literals and brackets

extension PythonSource {
    /// `line` without its `#` comment (a `#` inside a string literal stays).
    static func code(of line: Substring) -> Substring {
        HashComment.strip(line)
    }

    /// The index of the `=` of an assignment or keyword argument in `text` (not `==`, `<=`, `>=`, `!=`, and not
    /// inside brackets or strings), or nil.
    static func assignmentEquals(in text: Substring) -> String.Index? {
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
            case "\"", "'": quote = character
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "=" where depth == 0:
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == "=" { return nil }
                if "=<>!+-*/%&|^@:".contains(previous) { return nil }
                return index
            default: break
            }
        }
        return nil
    }

    /// `text` split at each top-level `separator`, or nil when its brackets do not balance.
    static func splitTopLevel(_ text: Substring, at separator: Character) -> [Substring]? {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        var start = text.startIndex
        for index in text.indices {
            let character = text[index]
            defer { previous = character }
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if depth < 0 { return nil }
            case separator where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        guard depth == 0, quote == nil else { return nil }
        parts.append(text[start...])
        return parts
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
