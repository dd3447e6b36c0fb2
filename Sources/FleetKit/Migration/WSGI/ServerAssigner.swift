/// Decides, for each `wsgi_scripts` entry, the module that serves it: one that already exists, or one fleet writes.
///
/// Order (DESIGN.md section 3.1): the manifest's `servers:` wins; then an existing module that serves the entry
/// (``ServingModuleFinder``); then, with one script, `application` in `<pkg>.wsgi` itself; then the naming rule, whose
/// file counts when it already defines `application`. A script left to create while an existing module serves no
/// script is a problem: fleet never writes a second module for a server that may already have one.
struct ServerAssigner {
    /// What becomes of one entry.
    enum Assignment: Sendable, Equatable {
        /// The manifest says `skip`.
        case skipped
        /// An existing module serves it.
        case existing(file: String, module: String)
        /// fleet writes `<pkg>/wsgi/<name>.py`.
        case create(name: String)
    }

    /// The repository's files.
    let tree: RepositoryTree
    /// The `<pkg>/wsgi` layout.
    let layout: WSGILayout
    /// Names servers by the manifest and the naming rule.
    let namer: ServerNamer

    /// The assignment of each entry, in entry order.
    /// - Throws: ``MigrationProblem`` naming every entry fleet cannot decide for, with the manifest line that would.
    func assign(_ entries: [WSGIScriptEntry]) throws -> [Assignment] {
        let finder = ServingModuleFinder(tree: tree, layout: layout)
        let candidates = try finder.candidates()
        var result = [Assignment?](repeating: nil, count: entries.count)
        var claims: [String: WSGIScriptEntry] = [:]
        var problems: [String] = []
        for (index, entry) in entries.enumerated() {
            switch namer.choices[entry.script] {
            case .skip: result[index] = .skipped
            case .name: continue
            case nil:
                let serving = try finder.serving(entry, among: candidates)
                // The package's own module serves everything it imports; a server module says more.
                let chosen = serving.count > 1 ? serving.filter { $0.serverName != nil } : serving
                if chosen.count == 1, let found = chosen.first {
                    result[index] = .existing(file: found.file, module: found.module)
                    claims[found.file] = claims[found.file] ?? entry
                } else if chosen.count > 1 {
                    problems.append(
                        "\(entry.location): several modules serve \(entry.script): "
                            + chosen.map(\.module).joined(separator: ", ") + "; choose one with "
                            + "servers: {\(entry.script): \(chosen[0].serverName ?? "api")} in the manifest")
                }
            }
        }
        let open = entries.indices.filter { result[$0] == nil }
        let scripts = open.map { entries[$0].script }
        let names = try namer.names(for: entries, naming: Set(scripts))
        let active = entries.filter { namer.choices[$0.script] != .skip }
        var fromRule: [Int] = []
        for index in open {
            let entry = entries[index]
            guard let name = names[index] else { continue }
            let byManifest = namer.choices[entry.script] != nil
            if !byManifest, active.count == 1, let package = candidates.first(where: { $0.serverName == nil }),
                claims[package.file] == nil
            {
                result[index] = .existing(file: package.file, module: package.module)
                claims[package.file] = entry
                continue
            }
            let file = "\(layout.wsgiFolder)/\(name).py"
            guard let found = candidates.first(where: { $0.file == file }) else {
                result[index] = .create(name: name)
                if !byManifest { fromRule.append(index) }
                continue
            }
            if !byManifest, let other = claims[file], other.target != entry.target {
                problems.append(
                    "\(entry.location): \(entry.script) would be served by \(found.module), which already serves "
                        + "\(other.script) (\(other.target)); choose a name with servers: in the manifest")
                continue
            }
            result[index] = .existing(file: found.file, module: found.module)
            claims[file] = claims[file] ?? entry
        }
        let unclaimed = candidates.filter { claims[$0.file] == nil }
        if !unclaimed.isEmpty {
            for index in fromRule {
                guard case .create(let name) = result[index] else { continue }
                problems.append(unmatchedProblem(entries[index], name: name, unclaimed: unclaimed))
            }
        }
        guard problems.isEmpty else { throw MigrationProblem(problems.joined(separator: "; ")) }
        return result.map { $0 ?? .skipped }
    }

    // MARK: - Private

    private func unmatchedProblem(_ entry: WSGIScriptEntry, name: String, unclaimed: [ServingModuleFinder.Candidate])
        -> String
    {
        let modules = unclaimed.map(\.module).joined(separator: ", ")
        let settle: String
        if let existing = unclaimed.first(where: { $0.serverName != nil })?.serverName {
            settle = "say which module serves it in the manifest, for example servers: {\(entry.script): \(existing)}"
        } else {
            settle =
                "to have fleet write \(layout.wsgiFolder)/\(name).py, say so in the manifest: servers: "
                + "{\(entry.script): \(name)}"
        }
        return "\(entry.location): \(entry.script) (\(entry.target)) is served by none of the modules that already "
            + "define application (\(modules)), as far as fleet can tell; fleet will not write a second module for "
            + "a server that may already have one: \(settle)"
    }
}
