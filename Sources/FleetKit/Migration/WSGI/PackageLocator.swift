/// Finds a repository's import package the way the goal's authors did by hand.
///
/// Order: the manifest's `package:`, then `[files] packages` in `setup.cfg`, then `[metadata] name` with `-` as `_`,
/// then the package every `wsgi_scripts` target lives in, then the single top-level folder holding `__init__.py`.
/// A candidate counts only when its folder holds `__init__.py`, because the modules go inside it.
struct PackageLocator {
    /// The repository's files.
    let tree: RepositoryTree

    /// The import package.
    /// - Parameters:
    ///   - override: the manifest's `package:`, which wins when given.
    ///   - setupCfg: the parsed `setup.cfg`, when there is one.
    ///   - targetModules: the `wsgi_scripts` target modules, to choose among several `[files] packages`.
    /// - Returns: the package's dotted import name, such as `nova` or `nova.api`.
    /// - Throws: ``MigrationProblem`` when no package can be found, or the override names no package folder.
    func locate(override: String?, setupCfg: SetupCfg?, targetModules: [String]) throws -> String {
        if let override {
            guard try isPackage(override) else {
                throw MigrationProblem("the manifest's package \(override) has no \(path(override))/__init__.py")
            }
            return override
        }
        if let files = setupCfg?.section("files")?.entry("packages") {
            let listed = files.values.flatMap { $0.text.split(whereSeparator: { $0 == " " || $0 == "," }) }
                .map(String.init).filter { !$0.isEmpty }
            let existing = try listed.filter { try isPackage($0) }
            let roots = Set(targetModules.compactMap { $0.split(separator: ".").first.map(String.init) })
            if let match = existing.first(where: { roots.contains($0) }) { return match }
            if let first = existing.first { return first }
        }
        if let name = setupCfg?.section("metadata")?.entry("name")?.values.first?.text {
            let candidate = name.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")
            if try isPackage(candidate) { return candidate }
            if try isPackage(candidate.lowercased()) { return candidate.lowercased() }
        }
        let roots = Set(targetModules.compactMap { $0.split(separator: ".").first.map(String.init) })
        if roots.count == 1, let root = roots.first, try isPackage(root) { return root }
        let topLevel = try tree.contents(of: "").sorted().filter {
            !$0.hasPrefix(".") && PythonSource.isIdentifier($0) && !["tests", "doc", "docs", "tools"].contains($0)
        }.filter { try isPackage($0) }
        if topLevel.count == 1 { return topLevel[0] }
        let found = topLevel.isEmpty ? "none" : topLevel.joined(separator: ", ")
        throw MigrationProblem(
            "cannot tell the import package: setup.cfg names none that exists, and top-level packages are \(found); "
                + "set package: in the manifest")
    }

    private func path(_ package: String) -> String { package.replacingOccurrences(of: ".", with: "/") }

    private func isPackage(_ package: String) throws -> Bool {
        guard package.split(separator: ".").allSatisfy({ PythonSource.isIdentifier($0) }) else { return false }
        return try tree.isFile(path(package) + "/__init__.py")
    }
}
