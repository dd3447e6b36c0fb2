import Clibgit2

/// One path whose state differs from HEAD, in the index or the work tree.
public struct StatusEntry: Sendable, Equatable {
    /// What happened to a path.
    public enum Change: String, Sendable {
        case added, modified, deleted, renamed, typeChanged, untracked, conflicted
    }

    /// The path, relative to the work tree.
    public var path: String
    /// The change between HEAD and the index, if any.
    public var staged: Change?
    /// The change between the index and the work tree, if any.
    public var unstaged: Change?

    /// Makes a status entry, as `status()` reports one.
    public init(path: String, staged: Change?, unstaged: Change?) {
        self.path = path
        self.staged = staged
        self.unstaged = unstaged
    }
}

extension Repository {
    /// The work tree and index status, untracked files included, ignored files not.
    public func status() throws(GitError) -> [StatusEntry] {
        try status(show: GIT_STATUS_SHOW_INDEX_AND_WORKDIR)
    }

    /// Whether the work tree and index match HEAD exactly (no untracked files either).
    public func isClean() throws(GitError) -> Bool {
        guard try stagedPaths().isEmpty else { return false }
        return try isWorkTreeClean()
    }

    /// Whether the work tree matches the index exactly (no untracked files either), without comparing the index
    /// with HEAD: for a caller that has just committed the index, which skips reading HEAD's trees.
    public func isWorkTreeClean() throws(GitError) -> Bool {
        if try workTreeMatchesIndexByStat() { return true }
        return try status(show: GIT_STATUS_SHOW_WORKDIR_ONLY).isEmpty
    }

    private func status(show: git_status_show_t) throws(GitError) -> [StatusEntry] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = show
        options.flags =
            GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        let list = try make("git_status_list_new") { git_status_list_new(&$0, pointer, &options) }
        defer { git_status_list_free(list) }
        var entries: [StatusEntry] = []
        for index in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, index)?.pointee else { continue }
            let flags = entry.status.rawValue
            let delta = entry.head_to_index ?? entry.index_to_workdir
            guard let delta else { continue }
            let file = delta.pointee.new_file.path ?? delta.pointee.old_file.path
            entries.append(
                StatusEntry(
                    path: file.map { String(cString: $0) } ?? "",
                    staged: Self.indexChange(flags), unstaged: Self.workTreeChange(flags)))
        }
        return entries
    }

    private static func indexChange(_ flags: UInt32) -> StatusEntry.Change? {
        if flags & GIT_STATUS_CONFLICTED.rawValue != 0 { return .conflicted }
        if flags & GIT_STATUS_INDEX_NEW.rawValue != 0 { return .added }
        if flags & GIT_STATUS_INDEX_MODIFIED.rawValue != 0 { return .modified }
        if flags & GIT_STATUS_INDEX_DELETED.rawValue != 0 { return .deleted }
        if flags & GIT_STATUS_INDEX_RENAMED.rawValue != 0 { return .renamed }
        if flags & GIT_STATUS_INDEX_TYPECHANGE.rawValue != 0 { return .typeChanged }
        return nil
    }

    private static func workTreeChange(_ flags: UInt32) -> StatusEntry.Change? {
        if flags & GIT_STATUS_WT_NEW.rawValue != 0 { return .untracked }
        if flags & GIT_STATUS_WT_MODIFIED.rawValue != 0 { return .modified }
        if flags & GIT_STATUS_WT_DELETED.rawValue != 0 { return .deleted }
        if flags & GIT_STATUS_WT_RENAMED.rawValue != 0 { return .renamed }
        if flags & GIT_STATUS_WT_TYPECHANGE.rawValue != 0 { return .typeChanged }
        return nil
    }
}
