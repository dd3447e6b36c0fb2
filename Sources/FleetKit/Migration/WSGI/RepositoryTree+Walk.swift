#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Walking the tree

extension RepositoryTree {
    /// Folders never worth scanning: version control, build output, virtualenvs and caches.
    static let skippedFolders: Set<String> = [
        ".git", ".tox", ".venv", "venv", ".eggs", "build", "dist", "node_modules", "__pycache__", ".stestr",
        ".mypy_cache", ".pytest_cache",
    ]

    /// Every regular file under the root, as relative paths, found with `readdir` (fast on large trees).
    ///
    /// Symlinks are not followed and not listed, so whatever the walk returns lies inside the root.
    /// Folders in ``skippedFolders`` and `*.egg-info` are left out.
    func regularFiles() -> [String] {
        var files: [String] = []
        files.reserveCapacity(4096)
        var pending: [String] = [""]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? rootPath : rootPath + "/" + folder
            guard let handle = opendir(absolute) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(absolute + "/" + name, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFREG: type = Int32(DT_REG)
                    default: type = Int32(DT_LNK)
                    }
                }
                if type == Int32(DT_DIR) {
                    if !Self.skippedFolders.contains(name), !name.hasSuffix(".egg-info") { pending.append(relative) }
                } else if type == Int32(DT_REG) {
                    files.append(relative)
                }
            }
        }
        return files.sorted()
    }
}
