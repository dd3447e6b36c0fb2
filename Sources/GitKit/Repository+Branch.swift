import Clibgit2

// MARK: - Branches and checkout

extension Repository {
    /// Whether the local branch `name` exists.
    public func branchExists(_ name: String) throws(GitError) -> Bool {
        try referenceTarget("refs/heads/\(name)") != nil
    }

    /// Creates the local branch `name` at `commit`, or moves it there when `force` is true.
    public func createBranch(_ name: String, at commit: ObjectID, force: Bool = false) throws(GitError) {
        var id = commit.oid
        let target = try make("git_commit_lookup(\(commit.short))") { git_commit_lookup(&$0, pointer, &id) }
        defer { git_commit_free(target) }
        let branch = try make("git_branch_create(\(name))") {
            git_branch_create(&$0, pointer, name, target, force ? 1 : 0)
        }
        git_reference_free(branch)
    }

    /// Deletes the local branch `name`; does nothing when it does not exist.
    public func deleteBranch(_ name: String) throws(GitError) {
        var branch: OpaquePointer?
        let rc = git_branch_lookup(&branch, pointer, name, GIT_BRANCH_LOCAL)
        if rc == GIT_ENOTFOUND.rawValue { return }
        try check(rc, "git_branch_lookup(\(name))")
        defer { git_reference_free(branch) }
        try check(git_branch_delete(branch), "git_branch_delete(\(name))")
    }

    /// Checks out the local branch `name` and points HEAD at it.
    /// - Parameters:
    ///   - name: the local branch, without `refs/heads/`.
    ///   - force: overwrite local changes (fleet only forces on trees it verified clean or wrote itself).
    /// - Throws: ``GitError`` when the branch does not exist or the checkout fails.
    public func checkout(branch name: String, force: Bool = false) throws(GitError) {
        let commit = try resolveCommit("refs/heads/\(name)")
        try checkoutTree(of: commit, force: force)
        try check(git_repository_set_head(pointer, "refs/heads/\(name)"), "git_repository_set_head(\(name))")
    }

    /// Checks out `commit` with a detached HEAD.
    public func checkoutDetached(_ commit: ObjectID, force: Bool = false) throws(GitError) {
        try checkoutTree(of: commit, force: force)
        var id = commit.oid
        try check(git_repository_set_head_detached(pointer, &id), "git_repository_set_head_detached")
    }

    /// Throws away every change in the work tree and index, untracked files included (`git reset --hard; git clean -fd`).
    public func discardChanges() throws(GitError) {
        var options = git_checkout_options()
        try check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_REMOVE_UNTRACKED.rawValue
        try check(git_checkout_head(pointer, &options), "git_checkout_head")
    }

    /// Sets the current branch (or detached HEAD) to `commit` and makes index and work tree match it.
    public func resetHard(to commit: ObjectID) throws(GitError) {
        var id = commit.oid
        let object = try make("git_object_lookup") { git_object_lookup(&$0, pointer, &id, GIT_OBJECT_COMMIT) }
        defer { git_object_free(object) }
        try check(git_reset(pointer, object, GIT_RESET_HARD, nil), "git_reset")
    }

    private func checkoutTree(of commit: ObjectID, force: Bool) throws(GitError) {
        // A safe checkout of the tree HEAD already has changes no file and keeps every local change, but libgit2
        // would still stat the whole work tree, look up attributes and rewrite the index: skip it.
        if !force, let head = try headCommit(), try commitInfo(head).tree == commitInfo(commit).tree { return }
        var id = commit.oid
        let object = try make("git_object_lookup") { git_object_lookup(&$0, pointer, &id, GIT_OBJECT_COMMIT) }
        defer { git_object_free(object) }
        var options = git_checkout_options()
        try check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
        try check(git_checkout_tree(pointer, object, &options), "git_checkout_tree(\(commit.short))")
    }
}
