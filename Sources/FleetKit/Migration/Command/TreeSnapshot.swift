import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every file of a work tree (outside `.git`) with its metadata and a digest of its content, to tell which paths a
/// command changed without asking git (a rewriter never touches git).
///
/// A file whose size, times, inode and mode are all unchanged keeps its earlier digest without being read again (no
/// program can set a file's change time back); any other file is read and its content compared, so a file a command
/// rewrote with the same bytes (as `sed -i` does with every file it is given) does not count as changed.
///
/// Cost: one `lstat` per file, plus reading every file once before the command and the touched ones after it.
struct TreeSnapshot {
    /// What is known about one path.
    struct Entry: Equatable {
        /// Size, modification and change times, inode and mode: equal means untouched.
        var stamp: [Int64]
        /// The mode (file type and permission bits), which git records as the executable bit and the link type.
        var mode: UInt32
        /// A digest of the content (or of a symbolic link's target).
        var digest: UInt64
    }

    /// Path relative to the root → entry.
    private(set) var entries: [String: Entry] = [:]

    /// Takes a snapshot of the tree at `root`, reusing the digests of `previous` for untouched files.
    init(of root: URL, previous: TreeSnapshot? = nil) {
        walk(root.path, relative: "", previous: previous)
    }

    /// The paths added, removed, or changed in content or mode since `earlier`, sorted.
    func changedPaths(since earlier: TreeSnapshot) -> [String] {
        let paths = Set(entries.keys).union(earlier.entries.keys)
        return paths.filter { path in
            guard let now = entries[path], let then = earlier.entries[path] else { return true }
            return now.digest != then.digest || now.mode != then.mode
        }
        .sorted()
    }

    // MARK: - Private

    private mutating func walk(_ directory: String, relative: String, previous: TreeSnapshot?) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            // `.git` is git's own (a folder, or a file in linked work trees and submodules).
            if name == "." || name == ".." || name == ".git" { continue }
            let path = directory + "/" + name
            let key = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                walk(path, relative: key, previous: previous)
                continue
            }
            let stamp = [
                Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec), Int64(bitPattern: UInt64(info.st_ino)),
            ]
            if let earlier = previous?.entries[key], earlier.stamp == stamp, earlier.mode == info.st_mode {
                entries[key] = earlier
                continue
            }
            let digest: UInt64
            switch type {
            case S_IFREG: digest = ContentDigest.ofFile(atPath: path)
            case S_IFLNK: digest = ContentDigest.ofLinkTarget(atPath: path)
            default: digest = 0
            }
            entries[key] = Entry(stamp: stamp, mode: info.st_mode, digest: digest)
        }
    }
}
