/// The reno release note for a migration: `releasenotes/notes/add-<pkg>-wsgi-module-<suffix>.yaml` when it adds a
/// module, `releasenotes/notes/remove-wsgi-scripts-<suffix>.yaml` when it only removes entry points.
enum ReleaseNoteWriter {
    /// The note's path: `_` in the package is written as `-`.
    static func path(package: String, suffix: String) -> String {
        let slug = package.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-")
        return "releasenotes/notes/add-\(slug)-wsgi-module-\(suffix).yaml"
    }

    /// The path of the note of a removal-only change, whose modules all existed before.
    static func removalPath(suffix: String) -> String {
        "releasenotes/notes/remove-wsgi-scripts-\(suffix).yaml"
    }

    /// The note's YAML: a `features:` entry naming the new modules with a uWSGI `wsgi-file` → `module` example (when
    /// modules were added), and an `upgrade:` entry naming the removed scripts (when entry points were removed).
    /// - Parameters:
    ///   - created: the servers whose modules were added.
    ///   - servers: every script with a module, added now or before (named as the replacement of a removed script).
    ///   - removedScripts: the scripts whose entry points were removed.
    /// - Returns: the YAML text, starting with `---`.
    static func note(created: [ServerMigration], servers: [ServerMigration], removedScripts: [String]) -> String {
        var yaml = "---\n"
        if let example = created.first {
            let modules = created.map { "``\($0.module)`` (replacing the ``\($0.script)`` script)" }
            let paragraph =
                "The WSGI ``application`` of each API service can now be loaded from a Python module: "
                + list(modules) + ". WSGI servers that accept a module path, such as uWSGI and gunicorn, "
                + "should use it. For example, with uWSGI, instead of:"
            yaml += "features:\n  - |\n" + wrap(paragraph)
            yaml += """

                    .. code-block:: ini

                       [uwsgi]
                       wsgi-file = /bin/\(example.script)

                    use:

                    .. code-block:: ini

                       [uwsgi]
                       module = \(example.module):application

                """
        }
        if !removedScripts.isEmpty {
            let scripts = removedScripts.map { "``\($0)``" }
            var paragraph =
                "The " + list(scripts) + " WSGI script" + (scripts.count == 1 ? " has" : "s have") + " been removed."
            let replaced = servers.filter { removedScripts.contains($0.script) }.map { "``\($0.module):application``" }
            if replaced.count > 1, servers.contains(where: { !$0.created }) {
                paragraph += " " + replacementSentence(servers.filter { removedScripts.contains($0.script) })
            } else if !replaced.isEmpty {
                paragraph +=
                    " Deployment tooling should use the module path" + (replaced.count == 1 ? " " : "s ")
                    + list(replaced) + " instead, or provide its own WSGI script where the server needs a file "
                    + "(for example, mod_wsgi)."
            }
            yaml += "upgrade:\n  - |\n" + wrap(paragraph)
        }
        return yaml
    }

    /// Which module replaces which script, grouped by module: `` ``k.wsgi.api:application`` for ``a`` and ``b`` ``.
    ///
    /// Used once a module already existed (a removal-only or mixed change), where a reader cannot pair two lists.
    private static func replacementSentence(_ servers: [ServerMigration]) -> String {
        let modules = servers.map(\.module).uniqued()
        let pairs = modules.map { module in
            let scripts = servers.filter { $0.module == module }.map { "``\($0.script)``" }
            return "``\(module):application`` for " + list(scripts)
        }
        return "Deployment tooling should use the module path that replaces each instead: "
            + pairs.joined(separator: "; ") + ". Where the server needs a file (for example, mod_wsgi), it should "
            + "provide its own WSGI script."
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `text` as lines of at most 79 columns, each indented four spaces (inside a YAML block scalar).
    private static func wrap(_ text: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > 75 {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { "    " + $0 + "\n" }.joined()
    }
}
