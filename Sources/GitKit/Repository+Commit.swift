import Clibgit2
import Foundation

/// A commit read back from the repository.
public struct CommitInfo: Sendable, Equatable {
    /// The commit's id.
    public var id: ObjectID
    /// The whole message, byte for byte.
    public var message: String
    /// The author.
    public var author: Signature
    /// The committer.
    public var committer: Signature
    /// The parents' ids, first parent first.
    public var parents: [ObjectID]
    /// The id of the commit's tree.
    public var tree: ObjectID

    /// The first line of the message.
    public var subject: String { Repository.subject(of: message) }
}

extension Repository {
    /// Stages every change in the work tree, new and deleted files included (`git add -A`).
    public func stageAll() throws(GitError) {
        let index = try make("git_repository_index") { git_repository_index(&$0, pointer) }
        defer { git_index_free(index) }
        var rc = withStrArray(["."]) { git_index_add_all(index, $0, GIT_INDEX_ADD_DEFAULT.rawValue, nil, nil) }
        try check(rc, "git_index_add_all")
        // add_all does not stage deletions (spike pitfall 6).
        rc = withStrArray(["."]) { git_index_update_all(index, $0, nil, nil) }
        try check(rc, "git_index_update_all")
        try check(git_index_write(index), "git_index_write")
    }

    /// Commits the index on top of HEAD and moves the current branch (or detached HEAD) to the new commit.
    /// - Returns: the new commit's id.
    @discardableResult
    public func commit(message: String, author: Signature, committer: Signature? = nil) throws(GitError) -> ObjectID {
        let commit = try createCommit(message: message, author: author, committer: committer)
        try moveHead(to: commit, reflogMessage: Self.commitReflogMessage(for: message))
        return commit
    }

    /// Writes a commit of the index on top of HEAD without moving any reference.
    /// - Returns: the new commit's id.
    public func createCommit(message: String, author: Signature, committer: Signature? = nil) throws(GitError)
        -> ObjectID
    {
        let index = try make("git_repository_index") { git_repository_index(&$0, pointer) }
        defer { git_index_free(index) }
        var treeID = git_oid()
        try check(git_index_write_tree(&treeID, index), "git_index_write_tree")
        let tree = try make("git_tree_lookup") { git_tree_lookup(&$0, pointer, &treeID) }
        defer { git_tree_free(tree) }
        var parent: OpaquePointer?
        if let head = try headCommit() {
            var headID = head.oid
            parent = try make("git_commit_lookup(HEAD)") { git_commit_lookup(&$0, pointer, &headID) }
        }
        defer { if let parent { git_commit_free(parent) } }
        var newID = git_oid()
        try author.withGitSignature { (authorSignature) throws(GitError) in
            try (committer ?? author).withGitSignature { (committerSignature) throws(GitError) in
                var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
                let rc = parents.withUnsafeMutableBufferPointer { buffer in
                    git_commit_create(
                        &newID, pointer, nil, authorSignature, committerSignature, "UTF-8", message, tree,
                        buffer.count, buffer.baseAddress)
                }
                try check(rc, "git_commit_create")
            }
        }
        return ObjectID(newID)
    }

    /// Points the current branch (or a detached HEAD) at `commit`, with `reflogMessage` in its reflog; on an unborn
    /// branch, creates it.
    public func moveHead(to commit: ObjectID, reflogMessage: String) throws(GitError) {
        var id = commit.oid
        // Strict object creation is off (see LibGit2), so this is the check that no branch names a commit that is
        // not stored.
        let stored = try make("git_commit_lookup(\(commit.short))") { git_commit_lookup(&$0, pointer, &id) }
        git_commit_free(stored)
        var head: OpaquePointer?
        let rc = git_repository_head(&head, pointer)
        if rc == GIT_EUNBORNBRANCH.rawValue || rc == GIT_ENOTFOUND.rawValue {
            let symbolic = try make("git_reference_lookup(HEAD)") { git_reference_lookup(&$0, pointer, "HEAD") }
            defer { git_reference_free(symbolic) }
            guard let branch = git_reference_symbolic_target(symbolic) else {
                throw GitError(function: "moveHead", message: "HEAD names no branch")
            }
            let created = try make("git_reference_create") {
                git_reference_create(&$0, pointer, branch, &id, 0, reflogMessage)
            }
            git_reference_free(created)
            return
        }
        try check(rc, "git_repository_head")
        defer { git_reference_free(head) }
        let moved = try make("git_reference_set_target") { git_reference_set_target(&$0, head, &id, reflogMessage) }
        git_reference_free(moved)
    }

    /// The reflog line git writes when a commit with `message` moves a branch: `commit: <subject>`.
    public static func commitReflogMessage(for message: String) -> String {
        "commit: " + subject(of: message)
    }

    /// The first line of a commit message.
    static func subject(of message: String) -> String {
        String(message.prefix { $0 != "\n" })
    }

    /// Reads a commit's message, people, parents and tree.
    public func commitInfo(_ id: ObjectID) throws(GitError) -> CommitInfo {
        var oid = id.oid
        let commit = try make("git_commit_lookup(\(id.short))") { git_commit_lookup(&$0, pointer, &oid) }
        defer { git_commit_free(commit) }
        let parents = (0..<git_commit_parentcount(commit)).compactMap { index in
            git_commit_parent_id(commit, index).map { ObjectID($0) }
        }
        return CommitInfo(
            id: id,
            message: git_commit_message(commit).map { String(cString: $0) } ?? "",
            author: Signature(git_commit_author(commit)),
            committer: Signature(git_commit_committer(commit)),
            parents: parents,
            tree: ObjectID(git_commit_tree_id(commit)))
    }
}
