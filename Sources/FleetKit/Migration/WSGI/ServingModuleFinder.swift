/// Finds the modules that already define `application` under `<pkg>/wsgi/` (or as a flat `<pkg>/wsgi.py`), and which
/// of them serves a `wsgi_scripts` entry, as DESIGN.md section 3.1 says.
///
/// A module serves an entry when it binds `application` from a call of the entry's callable (through the module's
/// imports: `from heat.api.openstack import wsgi` … `wsgi.init_application()`), of a module-level alias of it
/// (keystone's `initialize_admin_application = initialize_public_application`), or of the one call the callable's
/// body returns, with the same constant-resolved arguments (nova: `wsgi_app.init_application(NAME)`, `NAME =
/// "osapi_compute"` in both modules).
struct ServingModuleFinder {
    /// A module that defines `application`.
    struct Candidate: Sendable, Equatable {
        /// Its file, such as `nova/wsgi/osapi_compute.py`.
        var file: String
        /// Its dotted name, such as `nova.wsgi.osapi_compute` (`nova.wsgi` for the package or a flat module).
        var module: String
        /// The server name a manifest would give it (the file's stem), or nil for `<pkg>.wsgi` itself.
        var serverName: String?
        /// The calls it binds `application` from, resolved.
        var calls: [PythonCall]
    }

    /// The repository's files.
    let tree: RepositoryTree
    /// The `<pkg>/wsgi` layout.
    let layout: WSGILayout

    /// Every module defining `application`, sorted by file: `<pkg>/wsgi/*.py` and a flat `<pkg>/wsgi.py`.
    func candidates() throws -> [Candidate] {
        var files: [String] = []
        if try tree.isFile(layout.wsgiModule) { files.append(layout.wsgiModule) }
        if try tree.isDirectory(layout.wsgiFolder) {
            files += try tree.contents(of: layout.wsgiFolder).sorted().filter { $0.hasSuffix(".py") }
                .map { "\(layout.wsgiFolder)/\($0)" }
        }
        let base = "\(layout.package).wsgi"
        return try files.compactMap { file -> Candidate? in
            guard try tree.isFile(file) else { return nil }
            let text = try tree.readText(file)
            guard PythonSource.definesApplication(in: text) else { return nil }
            let stem = String(file.split(separator: "/").last?.dropLast(3) ?? "")
            let isPackage = file == layout.wsgiModule || stem == "__init__"
            let module = isPackage ? base : "\(base).\(stem)"
            let facts = PythonModuleFacts(name: module, text: text, isPackage: stem == "__init__")
            return Candidate(
                file: file, module: module, serverName: isPackage ? nil : stem, calls: facts.applicationCalls)
        }
    }

    /// The candidates that serve `entry`, in the order given.
    func serving(_ entry: WSGIScriptEntry, among candidates: [Candidate]) throws -> [Candidate] {
        guard !candidates.isEmpty, let target = try targetFacts(entry) else { return [] }
        let parts = entry.callable.split(separator: ".", maxSplits: 1).map(String.init)
        let head = parts.first ?? entry.callable
        let tail = parts.count > 1 ? "." + parts[1] : ""
        let names = equivalentNames(head, in: target)
        let direct = Set(names.map { "\(entry.module).\($0)\(tail)" })
        let indirect =
            tail.isEmpty
            ? names.compactMap { PythonFunction(named: $0, in: target.lines)?.returnedCall?.resolved(in: target) } : []
        return candidates.filter { candidate in
            candidate.calls.contains { call in direct.contains(call.callee) || indirect.contains(call) }
        }
    }

    // MARK: - Private

    private func targetFacts(_ entry: WSGIScriptEntry) throws -> PythonModuleFacts? {
        let base = entry.moduleComponents.joined(separator: "/")
        for (file, isPackage) in [(base + ".py", false), (base + "/__init__.py", true)] where try tree.isFile(file) {
            return PythonModuleFacts(name: entry.module, text: try tree.readText(file), isPackage: isPackage)
        }
        return nil
    }

    /// `name` and every module-level name that is an alias of it, or that it is an alias of, in `module`.
    private func equivalentNames(_ name: String, in module: PythonModuleFacts) -> [String] {
        var names = [name]
        var changed = true
        while changed {
            changed = false
            for (alias, original) in module.aliases.sorted(by: { $0.key < $1.key }) {
                if names.contains(alias), !names.contains(original) {
                    names.append(original)
                    changed = true
                } else if names.contains(original), !names.contains(alias) {
                    names.append(alias)
                    changed = true
                }
            }
        }
        return names
    }
}
