import Foundation

// MARK: - Declarations fleet reports but does not rewrite

extension FollowUpScanner {
    /// `wsgi_scripts` declared in `setup.py` or `pyproject.toml`, each with its line.
    static func otherDeclarations(in tree: RepositoryTree) throws -> [FollowUp] {
        var found: [FollowUp] = []
        if try tree.isFile("setup.py") {
            let text = try tree.readText("setup.py")
            for (index, line) in TextLines.split(text).enumerated()
            where line.contains("wsgi_scripts") {
                found.append(
                    FollowUp(
                        file: "setup.py", line: index + 1,
                        reason: "setup.py declares wsgi_scripts, which fleet does not rewrite; move them to modules"))
            }
        }
        if try tree.isFile("pyproject.toml") {
            let text = try tree.readText("pyproject.toml")
            var table = ""
            for (index, raw) in TextLines.split(text).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
                if line.hasPrefix("[") {
                    table = line.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: " ", with: "")
                    if table == "[project.entry-points.wsgi_scripts]" {
                        found.append(
                            FollowUp(
                                file: "pyproject.toml", line: index + 1,
                                reason: "pyproject.toml declares wsgi_scripts, which fleet does not rewrite"))
                    }
                } else if table == "[project.entry-points]", line.hasPrefix("wsgi_scripts") {
                    found.append(
                        FollowUp(
                            file: "pyproject.toml", line: index + 1,
                            reason: "pyproject.toml declares wsgi_scripts, which fleet does not rewrite"))
                }
            }
        }
        return found
    }

    /// A follow-up for `doc/source/conf.py` when sphinxcontrib-apidoc would import the new modules (which call the
    /// factory at import time) and `apidoc_excluded_paths` does not leave `wsgi` out.
    static func apidocFollowUp(in tree: RepositoryTree, package: String, modules: [String]) throws -> FollowUp? {
        let path = "doc/source/conf.py"
        guard !modules.isEmpty, try tree.isFile(path) else { return nil }
        let lines = TextLines.split(try tree.readText(path))
        guard
            lines.contains(where: { $0.contains("apidoc") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") })
        else { return nil }
        let excluded = lines.firstIndex { $0.contains("apidoc_excluded_paths") }
        if let excluded {
            let end = lines[excluded...].firstIndex { $0.contains("]") } ?? excluded
            if lines[excluded...end].contains(where: { $0.contains("wsgi") }) { return nil }
        }
        let anchor =
            excluded ?? lines.firstIndex { $0.contains("apidoc_module_dir") }
            ?? lines.firstIndex { $0.contains("apidoc") } ?? 0
        return FollowUp(
            file: path, line: anchor + 1,
            reason: "sphinxcontrib-apidoc would import \(modules.joined(separator: ", ")), which call"
                + "\(modules.count == 1 ? "s" : "") the factory at import time; add 'wsgi/*' to apidoc_excluded_paths")
    }
}

// MARK: - PBR autodoc

extension FollowUpScanner {
    /// A follow-up for `setup.cfg` when PBR's autodoc would import the new modules.
    ///
    /// That is when `[pbr] autodoc_index_modules` is on and `autodoc_exclude_modules` does not leave them out.
    /// `setupCfg` is the file as written, so the line is right.
    static func pbrAutodocFollowUp(in setupCfg: SetupCfg, modules: [String]) -> FollowUp? {
        guard !modules.isEmpty, let pbr = setupCfg.section("pbr") else { return nil }
        let enabled = ["autodoc_index_modules", "autodoc_tree_index_modules"].compactMap { pbr.entry($0) }.first {
            ["true", "1", "yes", "on"].contains($0.values.first?.text.lowercased() ?? "")
        }
        guard let enabled else { return nil }
        let excludes = ["autodoc_exclude_modules", "autodoc_tree_excludes"].compactMap { pbr.entry($0) }
        if excludes.contains(where: { $0.values.contains { $0.text.contains("wsgi") } }) { return nil }
        let anchor = excludes.first?.line ?? enabled.line
        return FollowUp(
            file: setupCfg.fileName, line: anchor,
            reason: "PBR autodoc would import \(modules.joined(separator: ", ")), which call"
                + "\(modules.count == 1 ? "s" : "") the factory at import time; add them to autodoc_exclude_modules")
    }
}
