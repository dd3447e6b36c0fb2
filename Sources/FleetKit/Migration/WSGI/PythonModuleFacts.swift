/// What one Python module binds at module level, read line by line: enough to follow a WSGI factory to its call.
struct PythonModuleFacts: Sendable {
    /// The module's dotted name, such as `nova.wsgi.osapi_compute` (`nova.wsgi` for `nova/wsgi/__init__.py`).
    var name: String
    /// The source, split into lines.
    var lines: [Substring]
    /// Local name → the dotted path it stands for: `from a.b import c as d` gives `d` → `a.b.c`.
    var imports: [String: String] = [:]
    /// Module-level constants: name → literal, strings written with double quotes (`NAME` → `"osapi_compute"`).
    var constants: [String: String] = [:]
    /// Module-level aliases of another name: `initialize_admin_application = initialize_public_application`.
    var aliases: [String: String] = [:]

    /// Reads `text`, the source of module `name`.
    init(name: String, text: String, isPackage: Bool = false) {
        self.name = name
        lines = TextLines.split(text)
        var continuing: (from: String, lines: [Substring])?
        for line in lines {
            let code = PythonSource.code(of: line)
            if var open = continuing {
                open.lines.append(code)
                if code.contains(")") {
                    bindFrom(open.from, names: open.lines.joined(separator: " "), isPackage: isPackage)
                    continuing = nil
                } else {
                    continuing = open
                }
                continue
            }
            guard let first = code.first, first != " ", first != "\t" else { continue }
            let words = code.split(whereSeparator: { " \t\r".contains($0) })
            if words.first == "import" {
                bindImport(words.dropFirst().joined(separator: " "))
            } else if words.first == "from", words.count >= 4, words[2] == "import",
                let names = code.range(of: " import ").map({ code[$0.upperBound...] })
            {
                if names.contains("(") && !names.contains(")") {
                    continuing = (String(words[1]), [names])
                } else {
                    bindFrom(String(words[1]), names: String(names), isPackage: isPackage)
                }
            } else if let equals = PythonSource.assignmentEquals(in: code) {
                bindAssignment(code[..<equals], code[code.index(after: equals)...])
            }
        }
    }

    /// The calls whose result any line binds to `application` (`application = app.build_wsgi_app(argv=[])`),
    /// resolved through this module's imports and constants.
    var applicationCalls: [PythonCall] {
        var calls: [PythonCall] = []
        for index in lines.indices {
            let code = PythonSource.code(of: lines[index]).drop { $0 == " " || $0 == "\t" }
            guard code.hasPrefix("application"), let equals = PythonSource.assignmentEquals(in: code),
                code[..<equals].trimmingCharacters(in: .whitespaces) == "application"
            else { continue }
            let statement = PythonSource.statement(from: index, in: lines)
            guard let start = PythonSource.assignmentEquals(in: Substring(statement)),
                let call = PythonCall(statement[statement.index(after: start)...])
            else { continue }
            calls.append(call.resolved(in: self))
        }
        return calls
    }

    // MARK: - Private

    private mutating func bindImport(_ list: String) {
        for item in list.split(separator: ",") {
            let words = item.split(whereSeparator: { " \t\r\\".contains($0) }).map(String.init)
            guard let path = words.first else { continue }
            if words.count == 3, words[1] == "as" {
                imports[words[2]] = path
            } else if let top = path.split(separator: ".").first {
                // `import a.b.c` binds `a`, and `a.b.c.f()` names its path in full.
                imports[String(top)] = String(top)
            }
        }
    }

    private mutating func bindFrom(_ from: String, names: String, isPackage: Bool) {
        guard let base = absolute(from, isPackage: isPackage) else { return }
        for item in names.split(separator: ",") {
            let words = item.split(whereSeparator: { " \t\r()\\".contains($0) }).map(String.init)
            guard let imported = words.first, imported != "*" else { continue }
            let local = words.count == 3 && words[1] == "as" ? words[2] : imported
            imports[local] = base.isEmpty ? imported : "\(base).\(imported)"
        }
    }

    /// `from .x import y` in module `a.b.c` → `a.b.x`; an absolute name stays.
    private func absolute(_ from: String, isPackage: Bool) -> String? {
        let dots = from.prefix { $0 == "." }.count
        guard dots > 0 else { return from }
        var parts = name.split(separator: ".").map(String.init)
        // A package's own `__init__` is its package; a plain module's package is its parent.
        let up = isPackage ? dots - 1 : dots
        guard up <= parts.count else { return nil }
        parts.removeLast(up)
        let rest = from.dropFirst(dots)
        return (parts + (rest.isEmpty ? [] : [String(rest)])).joined(separator: ".")
    }

    private mutating func bindAssignment(_ left: Substring, _ right: Substring) {
        let target = left.trimmingCharacters(in: .whitespaces)
        let value = right.trimmingCharacters(in: .whitespaces)
        guard PythonSource.isIdentifier(target), !value.isEmpty else { return }
        if let literal = PythonSource.literal(value) {
            constants[target] = literal
        } else if PythonSource.isIdentifier(value) {
            aliases[target] = value
        }
    }
}
