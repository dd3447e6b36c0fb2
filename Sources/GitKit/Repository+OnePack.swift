import Clibgit2

extension Repository {
    /// Runs `body` with every object it writes (blobs, trees, commits) kept in memory, then writes the new objects
    /// reachable from the commits or trees it names (`roots`) into the repository as one pack, before returning.
    ///
    /// A commit of a few files writes about ten loose objects, each a file of its own under a folder of its own:
    /// twenty new inodes, more than the commit's other work. One pack is a pack file and its index. Reads inside
    /// `body` see the new objects and everything already stored. When `body` throws, what it wrote is dropped.
    ///
    /// Nothing `body` writes to disk may name the new objects before they are stored: stage with
    /// `stage(paths:writeIndex: false)` and commit with ``createCommit(message:author:committer:)``, then write the
    /// index and move HEAD after this returns, so a process killed in between leaves no reference to a missing object.
    public func writingObjectsAsOnePack<R>(_ body: () throws(GitError) -> (result: R, roots: [ObjectID]))
        throws(GitError) -> R
    {
        let original = try make("git_repository_odb") { git_repository_odb(&$0, pointer) }
        defer { git_odb_free(original) }
        let staging = try make("git_odb_new") { git_odb_new(&$0) }
        defer { git_odb_free(staging) }
        var memory: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&memory), "git_mempack_new")
        // The odb owns the backend from here on, and frees it with itself.
        try check(git_odb_add_backend(staging, memory, 1000), "git_odb_add_backend(mempack)")
        // The stored objects (and the clone's alternates) are read-only alternates: writes go to memory only.
        try check(git_odb_add_disk_alternate(staging, gitDirectory + "/objects"), "git_odb_add_disk_alternate")
        try check(git_repository_set_odb(pointer, staging), "git_repository_set_odb")
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        let outcome: Result<R, GitError>
        do throws(GitError) {
            let (result, roots) = try body()
            var objects = try newObjects(reachableFrom: roots, missingFrom: original)
            // What the index (in memory) names must be stored too, or a later commit of it would name a lost blob.
            objects += try indexObjects(missingFrom: original, excluding: Set(objects.map { ObjectID($0) }))
            try buildPack(&pack, of: objects)
            try store(pack, in: original)
            outcome = .success(result)
        } catch {
            outcome = .failure(error)
        }
        try check(git_repository_set_odb(pointer, original), "git_repository_set_odb")
        if case .failure = outcome {
            // Nothing is stored: the index in memory goes back to the one on disk, which names no dropped object.
            // (libgit2's object cache may still hold a dropped tree or commit by id; nothing names them.)
            let index = try make("git_repository_index") { git_repository_index(&$0, pointer) }
            defer { git_index_free(index) }
            try check(git_index_read(index, 1), "git_index_read")
        }
        return try outcome.get()
    }

    /// The objects reachable from `roots` that `store` lacks, roots first; a tree `store` has is not entered.
    private func newObjects(reachableFrom roots: [ObjectID], missingFrom store: OpaquePointer) throws(GitError)
        -> [git_oid]
    {
        var found: [git_oid] = []
        func isNew(_ id: inout git_oid) -> Bool { !Self.isStored(&id, in: store) }
        func visitTree(_ id: git_oid) throws(GitError) {
            var id = id
            guard isNew(&id) else { return }
            found.append(id)
            let tree = try make("git_tree_lookup") { git_tree_lookup(&$0, pointer, &id) }
            defer { git_tree_free(tree) }
            for index in 0..<git_tree_entrycount(tree) {
                guard let entry = git_tree_entry_byindex(tree, index), var child = git_tree_entry_id(entry)?.pointee
                else { continue }
                switch git_tree_entry_type(entry) {
                case GIT_OBJECT_TREE: try visitTree(child)
                case GIT_OBJECT_BLOB: if isNew(&child) { found.append(child) }
                default: continue  // a submodule's commit lives in another repository
                }
            }
        }
        for root in roots {
            var id = root.oid
            guard isNew(&id) else { continue }
            let object = try make("git_object_lookup") { git_object_lookup(&$0, pointer, &id, GIT_OBJECT_ANY) }
            defer { git_object_free(object) }
            if git_object_type(object) == GIT_OBJECT_COMMIT {
                found.append(id)
                guard let tree = git_commit_tree_id(object)?.pointee else { continue }
                try visitTree(tree)
            } else {
                try visitTree(id)
            }
        }
        return found
    }

    /// The blobs the repository's index (as it is in memory) names that `store` lacks, except `known`.
    private func indexObjects(missingFrom store: OpaquePointer, excluding known: Set<ObjectID>) throws(GitError)
        -> [git_oid]
    {
        let index = try make("git_repository_index") { git_repository_index(&$0, pointer) }
        defer { git_index_free(index) }
        var found: [git_oid] = []
        var seen = known
        for position in 0..<git_index_entrycount(index) {
            // A submodule's entry names a commit of another repository.
            guard let entry = git_index_get_byindex(index, position)?.pointee, entry.mode != 0o160000 else { continue }
            var id = entry.id
            guard seen.insert(ObjectID(id)).inserted,
                !Self.isStored(&id, in: store)
            else { continue }
            found.append(id)
        }
        return found
    }

    /// Whether `store` has `id`, without rescanning its packs: nothing else writes to it while the scope runs, and a
    /// wrong "no" would only pack an object twice.
    private static func isStored(_ id: inout git_oid, in store: OpaquePointer) -> Bool {
        git_odb_exists_ext(store, &id, UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)) != 0
    }

    /// Packs `objects` (read through the repository's current odb) into `buffer`; nothing when there are none.
    private func buildPack(_ buffer: inout git_buf, of objects: [git_oid]) throws(GitError) {
        guard !objects.isEmpty else { return }
        let builder = try make("git_packbuilder_new") { git_packbuilder_new(&$0, pointer) }
        defer { git_packbuilder_free(builder) }
        git_packbuilder_set_threads(builder, 1)
        for var id in objects {
            try check(git_packbuilder_insert(builder, &id, nil), "git_packbuilder_insert")
        }
        try check(git_packbuilder_write_buf(&buffer, builder), "git_packbuilder_write_buf")
    }

    /// Writes a pack (with its index) into `odb`; no pack at all is skipped.
    private func store(_ pack: git_buf, in odb: OpaquePointer) throws(GitError) {
        guard let bytes = pack.ptr, pack.size > 0 else { return }
        var writer: UnsafeMutablePointer<git_odb_writepack>?
        try check(git_odb_write_pack(&writer, odb, nil, nil), "git_odb_write_pack")
        guard let writer else { throw GitError(function: "git_odb_write_pack", message: "no pack writer") }
        defer { writer.pointee.free(writer) }
        var progress = git_indexer_progress()
        try check(writer.pointee.append(writer, bytes, pack.size, &progress), "git_odb_writepack.append")
        try check(writer.pointee.commit(writer, &progress), "git_odb_writepack.commit")
    }
}
