import Foundation

/// One `wsgi_scripts` entry, `script = module.path:callable`.
struct WSGIScriptEntry: Sendable, Equatable {
    /// The script name, such as `nova-api-wsgi`.
    var script: String
    /// The dotted module path, such as `nova.api.openstack.compute.wsgi`.
    var module: String
    /// The callable inside the module, possibly dotted (`App.factory`).
    var callable: String
    /// Where it was declared, such as `setup.cfg:42`.
    var location: String

    /// `module:callable`.
    var target: String { "\(module):\(callable)" }

    /// The module's path components.
    var moduleComponents: [String] { module.split(separator: ".").map(String.init) }

    /// Parses an entry-point line.
    /// - Throws: ``MigrationProblem`` naming `location` when the line is not `name = module:callable`.
    init(line: String, location: String) throws(MigrationProblem) {
        guard let equals = line.firstIndex(of: "=") else {
            throw MigrationProblem("\(location): wsgi_scripts entry \(line) is not `name = module:callable`")
        }
        let name = line[..<equals].trimmingCharacters(in: .whitespaces)
        var target = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if let extras = target.firstIndex(of: "[") { target = target[..<extras].trimmingCharacters(in: .whitespaces) }
        let parts = target.split(separator: ":", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !name.isEmpty, parts.count == 2,
            parts[0].split(separator: ".", omittingEmptySubsequences: false).allSatisfy({
                PythonSource.isIdentifier($0)
            }),
            parts[1].split(separator: ".", omittingEmptySubsequences: false).allSatisfy({
                PythonSource.isIdentifier($0)
            })
        else {
            throw MigrationProblem("\(location): wsgi_scripts entry \(line) is not `name = module:callable`")
        }
        script = name
        module = parts[0]
        callable = parts[1]
        self.location = location
    }
}
