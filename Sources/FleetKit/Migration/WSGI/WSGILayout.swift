/// The `<pkg>/wsgi` module or package of one repository, before and after the migration.
struct WSGILayout {
    /// The repository's files.
    let tree: RepositoryTree
    /// The import package.
    let package: String

    /// `<pkg>/wsgi`.
    var wsgiFolder: String { package.replacingOccurrences(of: ".", with: "/") + "/wsgi" }
    /// `<pkg>/wsgi.py`.
    var wsgiModule: String { wsgiFolder + ".py" }

    /// Whether `<pkg>/wsgi.py` exists and must become `<pkg>/wsgi/__init__.py` before server modules are added.
    /// - Throws: ``MigrationProblem`` when both `<pkg>/wsgi.py` and a `<pkg>/wsgi/` folder exist.
    func mustMoveModule() throws -> Bool {
        let hasModule = try tree.isFile(wsgiModule)
        let folder = try tree.kind(wsgiFolder)
        if hasModule, folder != nil {
            throw MigrationProblem("both \(wsgiModule) and \(wsgiFolder)/ exist; Python imports only the package")
        }
        if folder == .file { throw MigrationProblem("\(wsgiFolder) is a file, not a folder") }
        return hasModule
    }

    /// Whether `<pkg>/wsgi/__init__.py`, a `<pkg>/wsgi/<server>.py` or a flat `<pkg>/wsgi.py` defines `application`
    /// at module level (the goal's criterion; freezer-api chose the flat `freezer_api.wsgi:application`).
    func definesApplication() throws -> Bool {
        if try tree.isFile(wsgiModule), PythonSource.definesApplication(in: try tree.readText(wsgiModule)) {
            return true
        }
        guard try tree.isDirectory(wsgiFolder) else { return false }
        for name in try tree.contents(of: wsgiFolder).sorted() where name.hasSuffix(".py") {
            let file = "\(wsgiFolder)/\(name)"
            if try tree.isFile(file), PythonSource.definesApplication(in: try tree.readText(file)) { return true }
        }
        return false
    }
}
