/// Points a person at a factory that takes arguments: fleet's module calls it with none, as PBR's script did, and
/// that may not be what the service wants (aodh's `build_wsgi_app(argv=None)` then parses the WSGI server's own
/// command line; upstream passes `argv=[]`).
enum FactoryArgumentsCheck {
    /// A follow-up at the factory's `def` when it has parameters, or nil.
    /// - Parameters:
    ///   - server: the module fleet writes, and the entry whose callable it calls.
    ///   - tree: the repository's files.
    /// - Returns: the follow-up, or nil when the factory takes no parameters or is not a module-level `def`.
    /// - Throws: when the target module cannot be read.
    static func followUp(for server: WSGIMigrationPlan.PlannedServer, in tree: RepositoryTree) throws -> FollowUp? {
        let entry = server.entry
        // A dotted callable (`App.factory`) is a method; its signature is not a module-level `def`.
        guard !entry.callable.contains(".") else { return nil }
        let base = entry.moduleComponents.joined(separator: "/")
        guard let file = try [base + ".py", base + "/__init__.py"].first(where: { try tree.isFile($0) }) else {
            return nil
        }
        let facts = PythonModuleFacts(name: entry.module, text: try tree.readText(file))
        let name =
            PythonFunction(named: entry.callable, in: facts.lines) != nil
            ? entry.callable : facts.aliases[entry.callable] ?? entry.callable
        guard let function = PythonFunction(named: name, in: facts.lines), !function.parameters.isEmpty else {
            return nil
        }
        let signature = "\(function.name)(\(function.parameters))"
        let reason: String
        let required = function.requiredParameters
        if required.isEmpty {
            let argv =
                function.parameters.contains("argv")
                ? " (an argv left to its default may parse the server's own command line)" : ""
            reason =
                "\(signature) takes arguments and \(server.file) calls it with none, as PBR's script did: check "
                + "that its defaults are right under a WSGI server" + argv
        } else if !function.decorators.isEmpty {
            // trove's `@with_initialize def wsgimain(CONF)`: the decorator passes CONF, so the call may be right.
            reason =
                "\(signature) requires \(required.joined(separator: ", ")) but is decorated with "
                + "\(function.decorators.joined(separator: " ")), which may supply it; \(server.file) calls it with "
                + "no arguments, as PBR's script did: check that this works"
        } else {
            reason =
                "\(signature) requires \(required.joined(separator: ", ")), yet \(server.file) calls it with no "
                + "arguments, as PBR's script did: importing the module raises TypeError; pass the arguments there "
                + "or give them defaults"
        }
        return FollowUp(file: file, line: function.line, reason: reason)
    }
}
