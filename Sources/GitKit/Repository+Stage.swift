import Clibgit2
import Foundation

extension Repository {
    /// Stages exactly `paths`, relative to the work tree: each one present is added, each one gone is removed.
    ///
    /// Unlike ``stageAll()`` it reads nothing but the named files, so a caller that knows what it changed skips a
    /// walk of the whole tree. A move is two paths, the old (removed) and the new (added); status and diffs show it as
    /// a rename. A path that is not tracked and that git ignores is left out, as `git add` would.
    /// - Parameters:
    ///   - paths: the paths to stage, relative to the work tree.
    ///   - writeIndex: false keeps the staged index in memory, for a caller that writes it later with
    ///     ``writeIndex()`` (see ``writingObjectsAsOnePack(_:)``).
    /// - Throws: ``GitError`` when a path cannot be staged (a folder, say) or the index cannot be written.
    public func stage(paths: [String], writeIndex: Bool = true) throws(GitError) {
        guard let root = workingDirectory else {
            throw GitError(function: "stage(paths:)", message: "a bare repository has no work tree to stage from")
        }
        let index = try make("git_repository_index") { git_repository_index(&$0, pointer) }
        defer { git_index_free(index) }
        for path in Set(paths).sorted() {
            var info = stat()
            if lstat(root + "/" + path, &info) == 0 {
                if git_index_get_bypath(index, path, 0) == nil, try isIgnored(path) { continue }
                try check(git_index_add_bypath(index, path), "git_index_add_bypath(\(path))")
            } else {
                try check(git_index_remove_bypath(index, path), "git_index_remove_bypath(\(path))")
            }
        }
        if writeIndex { try check(git_index_write(index), "git_index_write") }
    }

    /// Writes the repository's index, as staged in memory, to disk.
    public func writeIndex() throws(GitError) {
        let index = try make("git_repository_index") { git_repository_index(&$0, pointer) }
        defer { git_index_free(index) }
        try check(git_index_write(index), "git_index_write")
    }

    /// Whether git's ignore rules (`.gitignore`, `info/exclude`, `core.excludesFile`) cover `path`.
    public func isIgnored(_ path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, pointer, path), "git_ignore_path_is_ignored(\(path))")
        return ignored == 1
    }
}

extension Repository {
    /// The paths whose index entry differs from HEAD's tree (`git diff --cached --name-only`), sorted.
    ///
    /// Compares the index with HEAD only, never the work tree, so it costs no walk of the tree. A rename counts as
    /// its two paths.
    public func stagedPaths() throws(GitError) -> [String] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = GIT_STATUS_SHOW_INDEX_ONLY
        options.flags = GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        let list = try make("git_status_list_new") { git_status_list_new(&$0, pointer, &options) }
        defer { git_status_list_free(list) }
        var paths = Set<String>()
        for index in 0..<git_status_list_entrycount(list) {
            guard let delta = git_status_byindex(list, index)?.pointee.head_to_index?.pointee else { continue }
            for file in [delta.old_file.path, delta.new_file.path] {
                if let file { paths.insert(String(cString: file)) }
            }
        }
        return paths.sorted()
    }
}
