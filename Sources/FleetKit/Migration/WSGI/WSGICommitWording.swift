/// What the `wsgi-module-paths` rewriter says in a commit message, from its servers and whether it wrote each module.
///
/// A change that writes every module keeps the plan's subject and opening paragraph. A removal-only change (every
/// module already existed) and a mixed one would make those false ("adds a WSGI module ... for each server"), so
/// their subject or opening comes from here, and the script list says per script what replaced it (DESIGN.md
/// section 3.1). ``WSGICommitText`` and the rewriter's highlights use it.
enum WSGICommitWording {
    /// What a change did with modules.
    enum Kind: Sendable, Equatable {
        /// Every module was written by this change (or nothing is known about modules).
        case createsModules
        /// Every module existed before; the change removes entry points only.
        case removalOnly
        /// Some modules existed, some were written.
        case mixed
    }

    /// The subject of a removal-only change.
    static let removalSubject = "Remove wsgi_scripts entry points"

    /// The kind of change recorded by `servers` (skipped scripts included) and whether entry points were removed.
    static func kind(of servers: [ServerMigration], entryPointsRemoved: Bool) -> Kind {
        let modules = servers.filter { !$0.isSkipped }
        let created = modules.filter(\.created).count
        if created == modules.count {
            // Only skipped scripts whose entry points went: that too removes entry points and adds nothing.
            return modules.isEmpty && entryPointsRemoved && !servers.isEmpty ? .removalOnly : .createsModules
        }
        return created == 0 ? .removalOnly : .mixed
    }

    /// The subject replacing the plan's, or nil to keep the plan's.
    static func subject(for kind: Kind) -> String? {
        kind == .removalOnly ? removalSubject : nil
    }

    /// The opening paragraph replacing the plan's body, or nil to keep the plan's.
    static func opening(for kind: Kind, servers: [ServerMigration], entryPointsRemoved: Bool) -> String? {
        let why =
            "PBR's wsgi_scripts entry points generate WSGI scripts at install time, and that mechanism is breaking "
            + "as pip and setuptools move to PEP 517 builds. uWSGI and gunicorn can load an application from a "
            + "Python module path instead."
        let keeps = servers.contains(where: \.isSkipped) ? "it keeps" : "it exposes"
        switch kind {
        case .createsModules:
            return nil
        case .removalOnly:
            return why + " This project already has such a module for each server \(keeps), so this change "
                + "removes the wsgi_scripts entry points and points any uWSGI configuration at the modules, as the "
                + "community goal asks."
        case .mixed:
            let entryPoints =
                entryPointsRemoved
                ? "removes the wsgi_scripts entry points" : "keeps the wsgi_scripts entry points for now"
            return why + " This project already has such a module for some of its servers; this change adds one "
                + "for each server that lacks it, points any uWSGI configuration at the modules, and \(entryPoints), "
                + "as the community goal asks."
        }
    }

    /// The highlights of a removal-only change.
    static let removedStatement = ["entry points removed"]

    /// What reports show for a repo: the new module paths; `entry points removed` for a removal-only change; the
    /// module paths that exist for a repo left as it is (`entry_points: keep`).
    static func highlights(of details: WSGIDetails) -> [String] {
        let modules = details.servers.filter { !$0.isSkipped }
        switch kind(of: details.servers, entryPointsRemoved: details.entryPointsRemoved) {
        case .removalOnly where details.entryPointsRemoved: return removedStatement
        case .mixed: return modules.filter(\.created).map(\.module).uniqued()
        case .createsModules: return modules.map(\.module)
        case .removalOnly: return modules.map(\.module).uniqued()
        }
    }

    /// The list of scripts and the module that replaces each, one per line, under a heading.
    /// - Parameters:
    ///   - servers: every script, skipped ones included.
    ///   - kind: what the change did with modules, which picks the heading and the per-script marks.
    ///   - width: the body's column limit; a longer line breaks after the arrow.
    /// - Returns: the paragraph.
    static func serverList(_ servers: [ServerMigration], kind: Kind, width: Int) -> String {
        let lines = servers.map { server in
            var target = server.isSkipped ? "no module (skipped in the manifest)" : server.module
            if kind == .mixed, !server.isSkipped {
                target += server.created ? " (added by this change)" : " (already in the tree)"
            }
            let line = "  \(server.script) -> \(target)"
            // Too long for one line: break after the arrow, so the module path stays whole on its own line.
            return line.count <= width ? line : "  \(server.script) ->\n      \(target)"
        }
        let one = servers.count == 1
        let heading: String
        switch kind {
        case .createsModules:
            heading = one ? "The WSGI script and its new module path:" : "The WSGI scripts and their new module paths:"
        case .removalOnly:
            heading =
                one
                ? "The WSGI script removed and the existing module that replaces it:"
                : "The WSGI scripts removed and the existing modules that replace them:"
        case .mixed:
            heading = "The WSGI scripts and the modules that replace them:"
        }
        return heading + "\n\n" + lines.joined(separator: "\n")
    }
}
