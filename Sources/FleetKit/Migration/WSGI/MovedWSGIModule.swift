/// A `<pkg>/wsgi.py` that the migration moves to `<pkg>/wsgi/__init__.py` (DESIGN.md section 3), seen from a reviewer.
///
/// The move keeps `import <pkg>.wsgi` and its importers working, but Python runs a package's `__init__` before any of
/// its modules: when the old module is not itself an entry-point target (nova, neutron and masakari kept their eventlet
/// server code there), every `<pkg>.wsgi.<server>` import now runs it first. Upstream moved such modules out (nova to
/// `nova/api/wsgi.py`) and left `__init__.py` empty, so this is a decision for a person, reported as a follow-up.
struct MovedWSGIModule {
    /// The plan that moves the module.
    let plan: WSGIMigrationPlan
    /// The package's wsgi layout.
    let layout: WSGILayout
    /// The module's text.
    let text: String

    /// The follow-up at `<pkg>/wsgi/__init__.py:1`, or nil when an entry point targets the module (placement), so
    /// running it is what serving needs anyway.
    func followUp() -> FollowUp? {
        let module = "\(plan.package).wsgi"
        guard !plan.entries.contains(where: { $0.module == module }) else { return nil }
        let imports = PythonSource.topLevelImports(in: text, package: plan.package).filter {
            !PythonSource.isStandardLibrary($0)
        }
        let servers = plan.toCreate.map(\.module).uniqued().joined(separator: ", ")
        let what = imports.isEmpty ? "" : "; it imports \(imports.joined(separator: ", "))"
        let destination = "\(plan.packagePath)/api/wsgi.py"
        return FollowUp(
            file: "\(layout.wsgiFolder)/__init__.py", line: 1,
            reason: "moved from \(layout.wsgiModule), which no entry point targets: this module now runs before every "
                + "server module (\(servers)) is imported\(what). Upstream moved such code out (nova: nova/api/wsgi.py) "
                + "and left <pkg>/wsgi/__init__.py empty; decide whether to move it, e.g. to \(destination), and "
                + "update its importers")
    }
}
