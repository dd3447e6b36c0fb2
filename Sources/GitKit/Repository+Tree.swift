import Clibgit2

// MARK: - Reading trees and files at a commit

extension Repository {
    /// The bytes of the file at `path` in `commit`, or nil when the commit has no such file.
    public func fileContents(_ path: String, at commit: ObjectID) throws(GitError) -> [UInt8]? {
        let tree = try tree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let rc = git_tree_entry_bypath(&entry, tree, path)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_tree_entry_bypath(\(path))")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        let blob = try make("git_blob_lookup(\(path))") { git_blob_lookup(&$0, pointer, git_tree_entry_id(entry)) }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// Every file path in `commit`'s tree, sorted as git sorts them.
    public func listFiles(at commit: ObjectID) throws(GitError) -> [String] {
        let tree = try tree(of: commit)
        defer { git_tree_free(tree) }
        let collector = PathCollector()
        let rc = withExtendedLifetime(collector) {
            git_tree_walk(
                tree, GIT_TREEWALK_PRE,
                { root, entry, payload in
                    guard let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return 0 }
                    let collector = Unmanaged<PathCollector>.fromOpaque(payload).takeUnretainedValue()
                    let prefix = root.map { String(cString: $0) } ?? ""
                    collector.paths.append(prefix + String(cString: git_tree_entry_name(entry)))
                    return 0
                }, Unmanaged.passUnretained(collector).toOpaque())
        }
        try check(rc, "git_tree_walk")
        return collector.paths
    }
}

private final class PathCollector {
    var paths: [String] = []
}
