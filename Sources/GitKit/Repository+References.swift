import Clibgit2

// MARK: - Resolving names to commits

extension Repository {
    /// Resolves any revision (`HEAD`, a branch, `refs/remotes/origin/master`, a sha) to the commit it names.
    public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        // A full reference name needs none of revparse's guessing, which looks for it under six prefixes. A name
        // git would refuse as a reference goes to revparse as before, which answers "not found".
        if revision == "HEAD" || revision.hasPrefix("refs/"), !revision.contains(where: { "^~:@{".contains($0) }) {
            var reference: OpaquePointer?
            let rc = git_reference_lookup(&reference, pointer, revision)
            if rc != GIT_EINVALIDSPEC.rawValue {
                try check(rc, "git_reference_lookup(\(revision))")
                defer { git_reference_free(reference) }
                let commit = try make("git_reference_peel(\(revision))") {
                    git_reference_peel(&$0, reference, GIT_OBJECT_COMMIT)
                }
                defer { git_object_free(commit) }
                return ObjectID(git_object_id(commit))
            }
        }
        let object = try make("git_revparse_single(\(revision))") { git_revparse_single(&$0, pointer, revision) }
        defer { git_object_free(object) }
        let commit = try make("git_object_peel(\(revision))") { git_object_peel(&$0, object, GIT_OBJECT_COMMIT) }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// The commit a reference points at, or nil when there is no such reference.
    public func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
        do {
            return try resolveCommit(name)
        } catch  where error.isNotFound {
            return nil
        }
    }

    /// The commit HEAD points at; nil on an unborn branch.
    public func headCommit() throws(GitError) -> ObjectID? {
        do {
            return try resolveCommit("HEAD")
        } catch  where error.code == .unbornBranch || error.isNotFound {
            return nil
        }
    }

    /// The short name of the branch HEAD is on, or nil when HEAD is detached.
    public func currentBranch() throws(GitError) -> String? {
        var reference: OpaquePointer?
        let rc = git_repository_head(&reference, pointer)
        if rc == GIT_EUNBORNBRANCH.rawValue || rc == GIT_ENOTFOUND.rawValue {
            // An unborn HEAD still names a branch.
            let head = try make("git_reference_lookup(HEAD)") { git_reference_lookup(&$0, pointer, "HEAD") }
            defer { git_reference_free(head) }
            return git_reference_symbolic_target(head).map { shortBranchName(String(cString: $0)) }
        }
        try check(rc, "git_repository_head")
        defer { git_reference_free(reference) }
        guard git_repository_head_detached(pointer) == 0, let name = git_reference_shorthand(reference) else {
            return nil
        }
        return String(cString: name)
    }

    /// The names of all references, such as `refs/heads/master` or `refs/for/master%topic=x`.
    public func referenceNames() throws(GitError) -> [String] {
        var array = git_strarray()
        try check(git_reference_list(&array, pointer), "git_reference_list")
        defer { git_strarray_dispose(&array) }
        return (0..<array.count).compactMap { array.strings[$0].map { String(cString: $0) } }
    }

    /// The commits reachable from `tip` and not from `hidden`, newest first (`git log hidden..tip`).
    public func commits(from tip: ObjectID, excluding hidden: ObjectID?) throws(GitError) -> [ObjectID] {
        let walk = try make("git_revwalk_new") { git_revwalk_new(&$0, pointer) }
        defer { git_revwalk_free(walk) }
        git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue)
        var tipID = tip.oid
        try check(git_revwalk_push(walk, &tipID), "git_revwalk_push")
        if let hidden {
            var hiddenID = hidden.oid
            try check(git_revwalk_hide(walk, &hiddenID), "git_revwalk_hide")
        }
        var result: [ObjectID] = []
        var next = git_oid()
        while git_revwalk_next(&next, walk) == 0 {
            result.append(ObjectID(next))
        }
        return result
    }

    /// Whether `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws(GitError) -> Bool {
        if ancestor == commit { return true }
        var a = commit.oid
        var b = ancestor.oid
        return try check(git_graph_descendant_of(pointer, &a, &b), "git_graph_descendant_of") == 1
    }
}

func shortBranchName(_ reference: String) -> String {
    reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
}
