/// Names the `<pkg>.wsgi.<server>` module of each script, as DESIGN.md section 3 says.
///
/// The manifest's `servers:` map wins (`skip` drops a script). Otherwise one script is `api`; several are named from
/// what remains of each script name once the project's name, `wsgi` and `api` tokens are stripped, and the one that
/// strips to nothing is `api` (`heat-wsgi-api-cfn` → `cfn`).
struct ServerNamer {
    /// The manifest name's last component and the package, whose tokens are stripped.
    let projectTokens: Set<String>
    /// The manifest's choices.
    let choices: [String: ServerChoice]

    /// Makes a namer for `projectName` (`openstack/heat`) and `package`.
    init(projectName: String, package: String, choices: [String: ServerChoice]) {
        let repo = projectName.split(separator: "/").last.map(String.init) ?? projectName
        var tokens = Set(Self.tokens(repo))
        tokens.formUnion(Self.tokens(package))
        projectTokens = tokens
        self.choices = choices
    }

    /// The server name for each entry (nil for `skip`, and for a script not in `scripts`), in entry order.
    /// - Parameters:
    ///   - entries: every `wsgi_scripts` entry, in file order.
    ///   - scripts: the scripts to name, when not all: one whose module already exists needs no name.
    /// - Returns: the names, nil where the script is skipped or not named.
    /// - Throws: ``MigrationProblem`` for a name that is not a Python identifier, and for two scripts that land on one
    ///   name with different targets.
    func names(for entries: [WSGIScriptEntry], naming scripts: Set<String>? = nil) throws -> [String?] {
        let names = try entries.map { entry throws -> String? in
            if let scripts, !scripts.contains(entry.script) { return nil }
            switch choices[entry.script] {
            case .skip: return nil
            case .name(let name): return try validated(name, entry, "the manifest's servers: value")
            case nil:
                guard entries.count > 1 else { return "api" }
                let rest = Self.tokens(entry.script).filter {
                    !projectTokens.contains($0) && $0 != "wsgi" && $0 != "api"
                }
                return try validated(rest.isEmpty ? "api" : rest.joined(separator: "_"), entry, "its script name")
            }
        }
        var seen: [String: WSGIScriptEntry] = [:]
        for (entry, name) in zip(entries, names) {
            guard let name else { continue }
            if let earlier = seen[name], earlier.target != entry.target {
                throw MigrationProblem(
                    "\(entry.location): scripts \(earlier.script) (\(earlier.location)) and \(entry.script) would both "
                        + "become \(name) with different targets; choose names with servers: in the manifest")
            }
            seen[name] = entry
        }
        return names
    }

    private func validated(_ name: String, _ entry: WSGIScriptEntry, _ origin: String) throws -> String {
        guard PythonSource.isIdentifier(name), name != "__init__" else {
            throw MigrationProblem(
                "\(entry.location): server name \(name) from \(origin) for \(entry.script) is not a Python identifier; "
                    + "choose one with servers: in the manifest")
        }
        return name
    }

    private static func tokens(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
    }
}
