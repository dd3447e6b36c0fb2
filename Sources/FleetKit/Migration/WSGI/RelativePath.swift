/// Byte-level views of a `/`-separated relative path from the tree walk, for checks run on every file of a tree.
///
/// `split`, `hasPrefix` and `hasSuffix` on `String` compare grapheme clusters; over the 5,000 files of a large
/// service, the candidate checks that used them were a tenth of the rewrite step's CPU. Paths compared here against
/// ASCII names give the same answers byte by byte.
enum RelativePath {
    /// The last component: `b.txt` for `a/b.txt`, the whole path when it has no folder.
    static func name(_ path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// The text after the name's last `.`, when the name has at least two non-empty dot-separated parts; else empty
    /// (`.bashrc` and `Makefile` have none, `a.tar.gz` has `gz`).
    static func fileExtension(_ name: Substring) -> Substring {
        let parts = name.utf8.split(separator: UInt8(ascii: "."))
        guard parts.count > 1, let last = parts.last else { return "" }
        return Substring(last)
    }

    /// Whether `path` starts with the ASCII `prefix`.
    static func starts(_ path: String, with prefix: String) -> Bool {
        path.utf8.starts(with: prefix.utf8)
    }

    /// Whether `name` ends with the ASCII `suffix`.
    static func ends(_ name: Substring, with suffix: String) -> Bool {
        name.utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}
