import Clibgit2
import Foundation

/// One file changed between two commits.
public struct FileChange: Sendable, Equatable {
    /// What happened to the file.
    public enum Kind: String, Sendable {
        case added, modified, deleted, renamed, copied, typeChanged
    }

    /// The kind of change.
    public var kind: Kind
    /// The path before (equal to `path` unless renamed or copied).
    public var oldPath: String
    /// The path after.
    public var path: String

    /// Makes a file change, as `changes(from:to:)` reports one.
    public init(kind: Kind, oldPath: String, path: String) {
        self.kind = kind
        self.oldPath = oldPath
        self.path = path
    }
}

extension Repository {
    /// The files changed from `base` (nil: the empty tree) to `commit`, with renames detected.
    public func changes(from base: ObjectID?, to commit: ObjectID) throws(GitError) -> [FileChange] {
        try withDiff(from: base, to: commit) { (diff) throws(GitError) in
            (0..<git_diff_num_deltas(diff)).compactMap { index in
                guard let delta = git_diff_get_delta(diff, index)?.pointee else { return nil }
                let kind: FileChange.Kind
                switch delta.status {
                case GIT_DELTA_ADDED: kind = .added
                case GIT_DELTA_DELETED: kind = .deleted
                case GIT_DELTA_RENAMED: kind = .renamed
                case GIT_DELTA_COPIED: kind = .copied
                case GIT_DELTA_TYPECHANGE: kind = .typeChanged
                default: kind = .modified
                }
                return FileChange(
                    kind: kind, oldPath: String(cString: delta.old_file.path),
                    path: String(cString: delta.new_file.path))
            }
        }
    }

    /// The unified diff from `base` (nil: the empty tree) to `commit`, as `git diff -M` prints it.
    public func patch(from base: ObjectID?, to commit: ObjectID) throws(GitError) -> String {
        try withDiff(from: base, to: commit) { (diff) throws(GitError) in
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            try check(git_diff_to_buf(&buffer, diff, GIT_DIFF_FORMAT_PATCH), "git_diff_to_buf")
            return String(gitBuffer: buffer) ?? ""
        }
    }

    /// The unified diff of the work tree (untracked files included) against HEAD, for dry runs.
    public func workingTreePatch() throws(GitError) -> String {
        let head = try headCommit()
        var tree: OpaquePointer?
        if let head {
            let info = try commitInfo(head)
            var treeID = info.tree.oid
            tree = try make("git_tree_lookup") { git_tree_lookup(&$0, pointer, &treeID) }
        }
        defer { if let tree { git_tree_free(tree) } }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        options.flags =
            GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
        let diff = try make("git_diff_tree_to_workdir_with_index") {
            git_diff_tree_to_workdir_with_index(&$0, pointer, tree, &options)
        }
        defer { git_diff_free(diff) }
        try findRenames(diff)
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_diff_to_buf(&buffer, diff, GIT_DIFF_FORMAT_PATCH), "git_diff_to_buf")
        return String(gitBuffer: buffer) ?? ""
    }

    /// The commit as an email patch, the way `git format-patch -1 -M` writes it; `git am` applies it.
    public func formatPatch(_ commit: ObjectID) throws(GitError) -> String {
        var id = commit.oid
        let object = try make("git_commit_lookup") { git_commit_lookup(&$0, pointer, &id) }
        defer { git_commit_free(object) }
        var options = git_email_create_options()
        options.version = UInt32(GIT_EMAIL_CREATE_OPTIONS_VERSION)
        options.flags = GIT_EMAIL_CREATE_DEFAULT.rawValue
        options.subject_prefix = nil
        try check(git_diff_options_init(&options.diff_opts, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        try check(
            git_diff_find_options_init(&options.diff_find_opts, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)),
            "git_diff_find_options_init")
        options.diff_find_opts.flags = GIT_DIFF_FIND_RENAMES.rawValue
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let rc = "PATCH".withCString { prefix in
            options.subject_prefix = prefix
            return git_email_create_from_commit(&buffer, object, &options)
        }
        try check(rc, "git_email_create_from_commit")
        return String(gitBuffer: buffer) ?? ""
    }

    private func withDiff<R>(
        from base: ObjectID?, to commit: ObjectID, _ body: (OpaquePointer) throws(GitError) -> R
    ) throws(GitError) -> R {
        let newTree = try tree(of: commit)
        defer { git_tree_free(newTree) }
        var oldTree: OpaquePointer?
        if let base { oldTree = try tree(of: base) }
        defer { if let oldTree { git_tree_free(oldTree) } }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        let diff = try make("git_diff_tree_to_tree") { git_diff_tree_to_tree(&$0, pointer, oldTree, newTree, &options) }
        defer { git_diff_free(diff) }
        try findRenames(diff)
        return try body(diff)
    }

    private func findRenames(_ diff: OpaquePointer) throws(GitError) {
        var find = git_diff_find_options()
        try check(
            git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "git_diff_find_options_init")
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_FOR_UNTRACKED.rawValue
        try check(git_diff_find_similar(diff, &find), "git_diff_find_similar")
    }

    func tree(of commit: ObjectID) throws(GitError) -> OpaquePointer {
        var id = commit.oid
        let object = try make("git_commit_lookup(\(commit.short))") { git_commit_lookup(&$0, pointer, &id) }
        defer { git_commit_free(object) }
        return try make("git_commit_tree") { git_commit_tree(&$0, object) }
    }
}
