/// Turns `wsgi-file = .../<script>` in uWSGI ini files into `module = <pkg>.wsgi.<server>:application`.
///
/// Only the value changes: the line keeps its indentation, its spacing around `=` and its line ending.
enum UWSGIIniRewriter {
    /// Whether `path` is a uWSGI configuration candidate: `*.ini`, `*.ini.j2`/`.ini.tmpl`, or a `*.conf` whose name
    /// says uwsgi (`uwsgi.conf`, `freezer-api-uwsgi.conf`).
    static func isCandidate(_ path: String) -> Bool {
        let name = RelativePath.name(path)
        return [".ini", ".ini.j2", ".ini.tmpl", ".ini.template"].contains { RelativePath.ends(name, with: $0) }
            || (RelativePath.ends(name, with: ".conf") && name.utf8.firstRange(of: "uwsgi".utf8) != nil)
    }

    /// `text` with every `wsgi-file` naming a script in `modules` (script → module path) rewritten, and the 1-based
    /// lines changed; nil when nothing changed.
    static func rewrite(_ text: String, modules: [String: String]) -> (text: String, lines: [Int])? {
        var lines = TextLines.split(text).map(String.init)
        var changed: [Int] = []
        for index in lines.indices {
            guard let rewritten = rewriteLine(lines[index], modules: modules) else { continue }
            lines[index] = rewritten
            changed.append(index + 1)
        }
        return changed.isEmpty ? nil : (lines.joined(separator: "\n"), changed)
    }

    /// The script a `wsgi-file` line names, when it is one of `scripts`.
    static func scriptNamed(in line: Substring, among scripts: Set<String>) -> String? {
        guard let (_, value, _) = split(String(line)) else { return nil }
        let name = value.split(separator: "/").last.map(String.init) ?? value
        return scripts.contains(name) ? name : nil
    }

    private static func rewriteLine(_ line: String, modules: [String: String]) -> String? {
        guard let (prefix, value, ending) = split(line) else { return nil }
        let script = value.split(separator: "/").last.map(String.init) ?? value
        guard let module = modules[script] else { return nil }
        let indent = prefix.prefix { $0 == " " || $0 == "\t" }
        let afterKey = prefix.dropFirst(indent.count + "wsgi-file".count)
        return indent + "module" + afterKey + "\(module):application" + ending
    }

    /// `(indent + key + spacing + delimiter + spacing, value, trailing whitespace and \r)` of a `wsgi-file` line.
    private static func split(_ line: String) -> (String, String, String)? {
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(indent.count)
        guard rest.hasPrefix("wsgi-file") else { return nil }
        let afterKey = rest.dropFirst("wsgi-file".count)
        let spacing = afterKey.prefix { $0 == " " || $0 == "\t" }
        let delimiterAndRest = afterKey.dropFirst(spacing.count)
        guard let delimiter = delimiterAndRest.first, delimiter == "=" || delimiter == ":" else { return nil }
        let afterDelimiter = delimiterAndRest.dropFirst()
        let spacing2 = afterDelimiter.prefix { $0 == " " || $0 == "\t" }
        let valueAndEnding = afterDelimiter.dropFirst(spacing2.count)
        let value = valueAndEnding.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
        guard !value.isEmpty else { return nil }
        let ending = String(valueAndEnding.dropFirst(value.count))
        let prefix = String(indent) + "wsgi-file" + spacing + String(delimiter) + spacing2
        return (prefix, String(value), ending)
    }
}
