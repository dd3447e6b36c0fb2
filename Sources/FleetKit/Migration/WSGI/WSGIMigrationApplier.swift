/// The writing half of the migration: carries out a ``WSGIMigrationPlan`` on the tree.
struct WSGIMigrationApplier {
    /// The repository's files.
    let tree: RepositoryTree
    /// The request.
    let request: MigrationRequest

    /// Writes the plan's files and returns the report (outcome `migrated`, not yet verified) and what to verify.
    /// - Throws: ``MigrationProblem`` when a file cannot be written or a path leads out of the repository.
    func apply(_ plan: WSGIMigrationPlan) throws -> PendingMigration {
        var changed: [String] = []
        var followUps = plan.followUps
        var pythonFiles: [String] = []
        let layout = WSGILayout(tree: tree, package: plan.package)
        let initFile = layout.wsgiFolder + "/__init__.py"
        if plan.movesWSGIModule {
            let text = try tree.readText(layout.wsgiModule)
            try tree.move(layout.wsgiModule, to: initFile)
            if !PythonSource.relativeImportLines(in: text).isEmpty {
                try tree.write(PythonSource.deepeningRelativeImports(in: text), to: initFile)
            }
            for (index, line) in TextLines.split(text).enumerated()
            where line.contains("__file__") {
                followUps.append(
                    FollowUp(
                        file: initFile, line: index + 1,
                        reason: "moved from \(layout.wsgiModule): paths built from __file__ now start one folder deeper"
                    ))
            }
            if let followUp = MovedWSGIModule(plan: plan, layout: layout, text: text).followUp() {
                followUps.append(followUp)
            }
            changed += [layout.wsgiModule, initFile]
            pythonFiles.append(initFile)
        } else if !plan.toCreate.isEmpty, try !tree.isFile(initFile) {
            try tree.write("", to: initFile)
            changed.append(initFile)
        }
        var checks: [PendingMigration.ModuleCheck] = []
        for server in plan.toCreate {
            let title = WSGIModuleWriter.apiTitle(package: plan.package, server: server.name)
            try tree.write(WSGIModuleWriter.module(for: server.entry, apiTitle: title), to: server.file)
            changed.append(server.file)
            pythonFiles.append(server.file)
            checks.append(
                .init(
                    file: server.file, importStatement: WSGIModuleWriter.importLine(for: server.entry).statement,
                    call: "application = " + WSGIModuleWriter.callExpression(for: server.entry)))
            if let followUp = try FactoryArgumentsCheck.followUp(for: server, in: tree) { followUps.append(followUp) }
        }
        var removed: [String] = []
        var setupCfg = plan.setupCfg
        if plan.removesEntryPoints {
            try setupCfg.removeEntry("wsgi_scripts", from: "entry_points")
            try tree.write(setupCfg.text, to: "setup.cfg")
            changed.append("setup.cfg")
            removed = plan.entries.map(\.script)
        }
        let files = tree.regularFiles()
        if request.options.rewriteUWSGIIni {
            changed += try rewriteIniFiles(files, servers: plan.servers)
        }
        let created = plan.servers.filter(\.created)
        var note: PendingMigration.NoteCheck?
        if request.options.releaseNote, try tree.isDirectory("releasenotes/notes"), !created.isEmpty || !removed.isEmpty
        {
            let path =
                created.isEmpty
                ? ReleaseNoteWriter.removalPath(suffix: request.noteSuffix)
                : ReleaseNoteWriter.path(package: plan.package, suffix: request.noteSuffix)
            try tree.write(
                ReleaseNoteWriter.note(created: created, servers: plan.servers, removedScripts: removed), to: path)
            changed.append(path)
            note = .init(path: path, hasFeatures: !created.isEmpty, hasUpgrade: !removed.isEmpty)
        }
        // A skipped script counts only when its entry point goes; `updateValue` keeps a nil module as a value.
        var scripts: [String: String?] = [:]
        for entry in plan.entries {
            let module = plan.servers.first { $0.script == entry.script }?.module
            if module != nil || removed.contains(entry.script) { scripts.updateValue(module, forKey: entry.script) }
        }
        followUps += FollowUpScanner(tree: tree, scripts: scripts).scan(files)
        if let apidoc = try FollowUpScanner.apidocFollowUp(
            in: tree, package: plan.package, modules: created.map(\.module).uniqued())
        {
            followUps.append(apidoc)
        }
        if let autodoc = FollowUpScanner.pbrAutodocFollowUp(in: setupCfg, modules: created.map(\.module).uniqued()) {
            followUps.append(autodoc)
        }
        let report = MigrationReport(
            outcome: .migrated, package: plan.package, servers: plan.servers, entryPointsRemoved: !removed.isEmpty,
            removedScripts: removed, releaseNote: note?.path, followUps: followUps.sortedUnique(),
            criteriaMet: try layout.definesApplication(), changedPaths: changed)
        return PendingMigration(
            report: report, pythonFiles: pythonFiles, moduleChecks: checks,
            setupCfgKeepsScripts: !plan.removesEntryPoints, note: note)
    }

    private func rewriteIniFiles(_ files: [String], servers: [ServerMigration]) throws -> [String] {
        var modules: [String: String] = [:]
        for server in servers { modules[server.script] = server.module }
        guard !modules.isEmpty else { return [] }
        var changed: [String] = []
        for file in files where UWSGIIniRewriter.isCandidate(file) {
            guard let text = try? tree.readText(file), text.contains("wsgi-file"),
                let rewritten = UWSGIIniRewriter.rewrite(text, modules: modules)
            else { continue }
            try tree.write(rewritten.text, to: file)
            changed.append(file)
        }
        return changed
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Array where Element == FollowUp {
    /// Sorted by file then line, each `file:line:reason` once.
    func sortedUnique() -> [FollowUp] {
        uniqued().sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }
}
