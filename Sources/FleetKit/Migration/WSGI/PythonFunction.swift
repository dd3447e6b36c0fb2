/// A module-level `def` read from source: where it is, its parameters, and the call it returns when that is its
/// whole body.
struct PythonFunction: Sendable, Equatable {
    /// The function's name.
    var name: String
    /// The 1-based line of its `def`.
    var line: Int
    /// The parameter list as written, on one line: `argv=None` or `pecan_config=None, debug=False, argv=None`.
    var parameters: String
    /// The call its body only returns (`return wsgi_app.init_application(NAME)`), unresolved; nil otherwise.
    var returnedCall: PythonCall?
    /// Its decorators as written, such as `@with_initialize`: they may change what a call must pass.
    var decorators: [String] = []

    /// Whether it can be called with no arguments: every parameter has a default or is `*args`/`**kwargs`.
    var acceptsNoArguments: Bool { requiredParameters.isEmpty }

    /// The parameters a call must pass: neither defaulted nor `*args`, `**kwargs`, `*` or `/`.
    var requiredParameters: [String] {
        let items = PythonSource.splitTopLevel(Substring(parameters), at: ",") ?? []
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { item in
            !item.isEmpty && !item.hasPrefix("*") && item != "/"
                && PythonSource.assignmentEquals(in: Substring(item)) == nil
        }.map { item in
            String(item.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Finds `def name(` (or `async def`) at module level in `lines`.
    init?(named name: String, in lines: [Substring]) {
        guard
            let index = lines.firstIndex(where: {
                $0.hasPrefix("def \(name)(") || $0.hasPrefix("async def \(name)(")
            })
        else { return nil }
        let signature = PythonSource.statement(from: index, in: lines)
        guard let open = signature.firstIndex(of: "("), let close = Self.matchingParenthesis(in: signature, from: open)
        else { return nil }
        self.name = name
        line = index + 1
        var above = index - 1
        while above >= 0, lines[above].hasPrefix("@") {
            decorators.insert(PythonSource.code(of: lines[above]).trimmingCharacters(in: .whitespaces), at: 0)
            above -= 1
        }
        parameters = String(signature[signature.index(after: open)..<close])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: " ,", with: ",").trimmingCharacters(in: .whitespaces)
        if parameters.hasSuffix(",") { parameters.removeLast() }
        returnedCall = Self.returnedCall(bodyAfter: index, in: lines)
    }

    // MARK: - Private

    private static func matchingParenthesis(in text: String, from open: String.Index) -> String.Index? {
        var depth = 0
        for index in text[open...].indices {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The call of a body that is only `return <call>`, after an optional docstring and comments.
    private static func returnedCall(bodyAfter defIndex: Int, in lines: [Substring]) -> PythonCall? {
        // Skip the rest of a signature that spans lines.
        var index = defIndex
        var depth = 0
        repeat {
            let code = PythonSource.code(of: lines[index])
            depth += code.count { $0 == "(" } - code.count { $0 == ")" }
            index += 1
        } while depth > 0 && index < lines.count
        var statements: [String] = []
        var inDocstring: String?
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let quote = inDocstring {
                if trimmed.contains(quote) { inDocstring = nil }
                index += 1
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                index += 1
                continue
            }
            guard line.first == " " || line.first == "\t" else { break }
            if statements.isEmpty, let quote = ["\"\"\"", "'''"].first(where: { trimmed.hasPrefix($0) }) {
                if !trimmed.dropFirst(3).contains(quote) { inDocstring = quote }
                index += 1
                continue
            }
            statements.append(PythonSource.statement(from: index, in: lines))
            let code = PythonSource.code(of: line)
            var open = code.count { "([{".contains($0) } - code.count { ")]}".contains($0) }
            index += 1
            while open > 0 && index < lines.count {
                let next = PythonSource.code(of: lines[index])
                open += next.count { "([{".contains($0) } - next.count { ")]}".contains($0) }
                index += 1
            }
        }
        guard statements.count == 1, let only = statements.first, only.hasPrefix("return ") else { return nil }
        return PythonCall(only.dropFirst("return ".count))
    }
}
