import Clibgit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Repository {
    /// Whether the work tree certainly matches the index, judged from file metadata.
    ///
    /// Every tracked file must have exactly the size, times, inode and mode the index recorded (one written in the
    /// instant the index was, "racily clean", must also hash to the recorded blob), and every other path must be
    /// ignored. False means "cannot tell" (a changed file, an untracked or missing path, a conflict, a submodule, a
    /// sparse entry, a name that is not ASCII): the caller asks libgit2's status, which may then read contents.
    ///
    /// libgit2's status spends about 7 µs a file in its diff machinery on top of the same `lstat`s (1.2 ms for an
    /// OpenStack-sized tree), which every re-run paid for every clone.
    public func workTreeMatchesIndexByStat() throws(GitError) -> Bool {
        guard let root = workingDirectory else { return false }
        var indexStat = stat()
        guard lstat(gitDirectory + "/index", &indexStat) == 0 else { return false }
        let index = try make("git_repository_index") { git_repository_index(&$0, pointer) }
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "git_index_read")
        var tracked: [String: git_index_entry] = [:]
        var racy: [String] = []
        var folders: Set<String> = [""]
        let count = git_index_entrycount(index)
        tracked.reserveCapacity(count)
        for position in 0..<count {
            guard let entry = git_index_get_byindex(index, position)?.pointee, let name = entry.path else {
                return false
            }
            let stage = (Int32(entry.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
            let special = UInt32(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue | GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue)
            guard stage == 0, entry.mode != 0o160000, UInt32(entry.flags_extended) & special == 0 else { return false }
            // Names are compared as Swift strings, which equate canonically equivalent Unicode: only ASCII names,
            // byte for byte themselves, are vouched for here.
            guard let path = Self.asciiName(name) else { return false }
            tracked[path] = entry
            if Self.isRacy(entry.mtime, against: indexStat) { racy.append(path) }
            var folder = path[...]
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        guard tracked.count == count else { return false }
        var seen = 0
        #if canImport(Glibc)
            let top = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #else
            let top = Darwin.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #endif
        guard top >= 0, try walk(top, relative: "", tracked: tracked, folders: folders, seen: &seen),
            seen == tracked.count
        else { return false }
        for path in racy {
            // A symbolic link's blob is its target, which hashing the file it points to would not give.
            guard let entry = tracked[path], entry.mode != 0o120000 else { return false }
            var recorded = entry.id
            var hashed = git_oid()
            // Hashed as git would stage it, through the clean filters its attributes ask for.
            guard git_repository_hashfile(&hashed, pointer, root + "/" + path, GIT_OBJECT_BLOB, nil) == 0,
                git_oid_equal(&hashed, &recorded) == 1
            else { return false }
        }
        return true
    }

    /// Walks the open folder `descriptor` (which it closes), at `relative` (empty for the root).
    ///
    /// False as soon as something is not certainly clean. Names are looked up relative to their folder: `lstat` of a
    /// full path walked its ten components again for every file, most of the check's time.
    private func walk(
        _ descriptor: Int32, relative: String, tracked: [String: git_index_entry], folders: Set<String>,
        seen: inout Int
    ) throws(GitError) -> Bool {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(directory) }
        let folder = dirfd(directory)
        while let item = readdir(directory) {
            let bytes = withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            let name = String(decoding: bytes, as: UTF8.self)
            if name == "." || name == ".." || (relative.isEmpty && name == ".git") { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if folders.contains(path) {
                    let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    guard child >= 0, try walk(child, relative: path, tracked: tracked, folders: folders, seen: &seen)
                    else { return false }
                } else if try !isIgnored(path + "/") {
                    return false
                }
            case S_IFREG, S_IFLNK:
                if let entry = tracked[path] {
                    guard Self.matches(entry, info) else { return false }
                    seen += 1
                } else if try !isIgnored(path) {
                    return false
                }
            default:
                return false
            }
        }
        return true
    }

    /// `name` as a String when it is all ASCII, else nil.
    private static func asciiName(_ name: UnsafePointer<CChar>) -> String? {
        var length = 0
        while name[length] != 0 {
            guard UInt8(bitPattern: name[length]) < 0x80 else { return nil }
            length += 1
        }
        return String(cString: name)
    }

    /// Whether `info` is what the index recorded for the file.
    private static func matches(_ entry: git_index_entry, _ info: stat) -> Bool {
        let isLink = info.st_mode & S_IFMT == S_IFLNK
        let mode: UInt32 = isLink ? 0o120000 : (info.st_mode & 0o100 != 0 ? 0o100755 : 0o100644)
        return entry.mode == mode && entry.file_size == UInt32(truncatingIfNeeded: info.st_size)
            && entry.ino == UInt32(truncatingIfNeeded: info.st_ino)
            && entry.uid == UInt32(truncatingIfNeeded: info.st_uid)
            && entry.gid == UInt32(truncatingIfNeeded: info.st_gid)
            && same(entry.mtime, modified(info)) && same(entry.ctime, changed(info))
    }

    private static func same(_ time: git_index_time, _ spec: timespec) -> Bool {
        Int(time.seconds) == spec.tv_sec && Int(time.nanoseconds) == spec.tv_nsec
    }

    /// A file changed in the same instant the index was written may differ with the same metadata (git's "racy
    /// clean"): only its contents can tell.
    private static func isRacy(_ time: git_index_time, against index: stat) -> Bool {
        let seconds = Int(time.seconds)
        let written = modified(index)
        return seconds > written.tv_sec || (seconds == written.tv_sec && Int(time.nanoseconds) >= written.tv_nsec)
    }

    #if canImport(Darwin)
        private static func modified(_ info: stat) -> timespec { info.st_mtimespec }
        private static func changed(_ info: stat) -> timespec { info.st_ctimespec }
    #else
        private static func modified(_ info: stat) -> timespec { info.st_mtim }
        private static func changed(_ info: stat) -> timespec { info.st_ctim }
    #endif
}
