/// The read-only half of the migration: reads `setup.cfg`, finds the package, checks each target and names the
/// servers, and decides the outcome or the plan.
struct WSGIAnalyzer {
    /// What analysis ends with.
    enum Result: Sendable {
        /// Nothing to write: the report is final.
        case finished(MigrationReport)
        /// Files to write, as planned.
        case plan(WSGIMigrationPlan)
    }

    /// The largest `setup.cfg` read (real ones are a few kilobytes).
    static let setupCfgLimit = 1 << 20

    /// The repository's files.
    let tree: RepositoryTree
    /// The request.
    let request: MigrationRequest

    /// Analyzes the tree.
    /// - Throws: ``MigrationProblem`` for anything a person must look at.
    func analyze() throws -> Result {
        let declarations = try FollowUpScanner.otherDeclarations(in: tree)
        let setupCfg = try readSetupCfg()
        let entries = try scriptEntries(setupCfg)
        guard let setupCfg, !entries.isEmpty else {
            if let first = declarations.first {
                return .finished(
                    MigrationReport(
                        outcome: .needsAttention(
                            reason: "\(first.file):\(first.line): wsgi_scripts declared there, which fleet does not "
                                + "rewrite"),
                        followUps: declarations))
            }
            let package = try? PackageLocator(tree: tree).locate(
                override: request.package, setupCfg: setupCfg, targetModules: [])
            if let package, try WSGILayout(tree: tree, package: package).definesApplication() {
                return .finished(
                    MigrationReport(outcome: .alreadyMigrated, package: package, criteriaMet: true))
            }
            return .finished(
                MigrationReport(
                    outcome: .notApplicable(reason: "no wsgi_scripts in setup.cfg, setup.py or pyproject.toml"),
                    package: package))
        }
        let package = try PackageLocator(tree: tree).locate(
            override: request.package, setupCfg: setupCfg, targetModules: entries.map(\.module))
        let namer = ServerNamer(projectName: request.projectName, package: package, choices: request.servers)
        let layout = WSGILayout(tree: tree, package: package)
        let assignments = try ServerAssigner(tree: tree, layout: layout, namer: namer).assign(entries)
        return try plan(
            layout: layout, setupCfg: setupCfg, entries: entries, assignments: assignments, followUps: declarations)
    }

    // MARK: - Private

    private func readSetupCfg() throws -> SetupCfg? {
        guard try tree.kind("setup.cfg") != nil else { return nil }
        let text = try tree.readText("setup.cfg", limit: Self.setupCfgLimit)
        return try SetupCfg(text: text)
    }

    private func scriptEntries(_ setupCfg: SetupCfg?) throws -> [WSGIScriptEntry] {
        guard let entry = setupCfg?.section("entry_points")?.entry("wsgi_scripts") else { return [] }
        let entries = try entry.values.map { try WSGIScriptEntry(line: $0.text, location: "setup.cfg:\($0.line)") }
        var seen: [String: WSGIScriptEntry] = [:]
        for entry in entries {
            if let earlier = seen[entry.script] {
                throw MigrationProblem(
                    "\(entry.location): script \(entry.script) is declared twice (\(earlier.location))")
            }
            seen[entry.script] = entry
        }
        return entries
    }

    private func plan(
        layout: WSGILayout, setupCfg: SetupCfg, entries: [WSGIScriptEntry], assignments: [ServerAssigner.Assignment],
        followUps: [FollowUp]
    ) throws -> Result {
        let package = layout.package
        var movesModule = try layout.mustMoveModule()
        var problems: [String] = []
        var toCreate: [WSGIMigrationPlan.PlannedServer] = []
        var servers: [ServerMigration] = []
        for (entry, assignment) in zip(entries, assignments) {
            switch assignment {
            case .skipped:
                continue
            case .existing(let file, let module):
                servers.append(
                    ServerMigration(
                        script: entry.script, target: entry.target, module: module, file: file, created: false))
            case .create(let name):
                let file = "\(layout.wsgiFolder)/\(name).py"
                let module = "\(package).wsgi.\(name)"
                let record = ServerMigration(script: entry.script, target: entry.target, module: module, file: file)
                if toCreate.contains(where: { $0.name == name }) {
                    servers.append(record)
                    continue
                }
                if try !movesModule && tree.kind(file) != nil {
                    problems.append(
                        "\(entry.location): \(file) already exists and does not define application; fleet will not "
                            + "overwrite it")
                    continue
                }
                if let problem = try targetProblem(entry) {
                    problems.append(problem)
                    continue
                }
                toCreate.append(.init(entry: entry, name: name, file: file, module: module))
                servers.append(record)
            }
        }
        guard problems.isEmpty else { throw MigrationProblem(problems.joined(separator: "; ")) }
        movesModule = movesModule && !toCreate.isEmpty
        if movesModule {
            // The flat module becomes the package's `__init__`: a script it serves keeps `<pkg>.wsgi`, in a new file.
            for index in servers.indices where servers[index].file == layout.wsgiModule {
                servers[index].file = layout.wsgiFolder + "/__init__.py"
            }
        }
        let removes = request.options.entryPoints == .remove
        if toCreate.isEmpty && !removes {
            let met = try layout.definesApplication()
            let outcome: MigrationReport.Outcome =
                met ? .alreadyMigrated : .notApplicable(reason: "every wsgi script is skipped by the manifest")
            return .finished(
                MigrationReport(
                    outcome: outcome, package: package, servers: servers, followUps: followUps, criteriaMet: met))
        }
        return .plan(
            WSGIMigrationPlan(
                package: package, setupCfg: setupCfg, entries: entries, toCreate: toCreate, servers: servers,
                movesWSGIModule: movesModule, removesEntryPoints: removes, followUps: followUps))
    }

    /// Why `entry`'s target cannot be used, or nil when its module exists and defines the callable.
    private func targetProblem(_ entry: WSGIScriptEntry) throws -> String? {
        let base = entry.moduleComponents.joined(separator: "/")
        let candidates = [base + ".py", base + "/__init__.py"]
        guard let file = try candidates.first(where: { try tree.isFile($0) }) else {
            return "\(entry.location): target module \(entry.module) of \(entry.script) is not in the tree "
                + "(no \(candidates[0]) or \(candidates[1]))"
        }
        let name = entry.callable.split(separator: ".").first.map(String.init) ?? entry.callable
        guard PythonSource.definesName(name, in: try tree.readText(file)) else {
            return "\(entry.location): \(file) does not define \(name) at module level (target of \(entry.script))"
        }
        return nil
    }
}
