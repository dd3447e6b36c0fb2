import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds references fleet does not rewrite — devstack plugins, docs, mod_wsgi `WSGIScriptAlias`, systemd units,
/// leftover uWSGI `wsgi-file` lines — and lists them with `file:line` and a reason.
struct FollowUpScanner {
    /// The repository's files.
    let tree: RepositoryTree
    /// Script name → its new module path, or nil when the script gets no module (`skip`).
    let scripts: [String: String?]

    /// Folders whose text files are scanned whatever their extension.
    private static let scannedFolders = [
        "devstack/", "doc/", "api-ref/", "etc/", "httpd/", "tools/", "playbooks/", "roles/", "deploy/", "contrib/",
        "install-guide/",
    ]
    /// Extensions scanned anywhere in the tree.
    private static let scannedExtensions: Set<String> = [
        "rst", "txt", "ini", "conf", "service", "socket", "template", "tmpl", "j2", "sh", "md", "yaml", "yml", "cfg",
    ]
    /// Extensions never scanned (binary or generated).
    private static let skippedExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "ico", "pdf", "gz", "zip", "tgz", "woff", "woff2", "ttf", "eot", "mo",
        "pyc", "dia", "odg", "graffle", "json",
    ]

    /// Whether `path` is worth scanning.
    static func isCandidate(_ path: String) -> Bool {
        if path == "setup.cfg" || RelativePath.starts(path, with: "releasenotes/") { return false }
        let ext = String(RelativePath.fileExtension(RelativePath.name(path)))
        if skippedExtensions.contains(ext) { return false }
        let inScannedFolder = scannedFolders.contains { RelativePath.starts(path, with: $0) }
        if ext == "py" { return inScannedFolder && !RelativePath.starts(path, with: "etc/") }
        return inScannedFolder || scannedExtensions.contains(ext)
    }

    /// The follow-ups in `files` (relative paths from the tree walk), sorted by file and line.
    func scan(_ files: [String]) -> [FollowUp] {
        let needles = Array(scripts.keys).sorted() + ["WSGIScriptAlias", "wsgi-file"]
        var found: [FollowUp] = []
        for file in files where Self.isCandidate(file) {
            guard let data = try? tree.read(file), !data.isEmpty else { continue }
            let hit = data.withUnsafeBytes { raw -> Bool in
                guard let base = raw.baseAddress else { return false }
                if memchr(base, 0, min(raw.count, 8192)) != nil { return false }
                return needles.contains { Self.contains(Array($0.utf8), in: raw) }
            }
            guard hit else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for (index, line) in TextLines.split(text).enumerated() {
                if let reason = reason(for: line, in: file) {
                    found.append(FollowUp(file: file, line: index + 1, reason: reason))
                }
            }
        }
        return found
    }

    /// Whether `needle` occurs in `haystack` (memchr for the first byte, then memcmp).
    static func contains(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, let base = haystack.baseAddress, haystack.count >= needle.count else {
            return false
        }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: UnsafeRawPointer(found))
            let equal = needle.withUnsafeBytes { bytes in
                bytes.baseAddress.map { memcmp(base + position, $0, needle.count) == 0 } ?? false
            }
            if equal { return true }
            offset = position + 1
        }
        return false
    }

    /// Why `line` of `file` needs a person, or nil when it does not.
    private func reason(for line: Substring, in file: String) -> String? {
        let named = Self.isHostsFile(file) ? [] : scripts.keys.sorted().filter { Self.references(line, $0) }
        if line.contains("WSGIScriptAlias") {
            let what = named.first.map { " (\($0))" } ?? ""
            return "mod_wsgi WSGIScriptAlias needs a script file\(what); mod_wsgi cannot load a module path, so "
                + "the deployment must provide its own script that imports \(replacement(named.first))"
        }
        guard let script = named.first else { return unmappedWSGIFile(line) }
        guard let module = scripts[script] ?? nil else { return gone(script, line: line, in: file) }
        let instead = "; use \(module):application instead"
        if UWSGIIniRewriter.isCandidate(file), UWSGIIniRewriter.scriptNamed(in: line, among: [script]) != nil {
            return "uWSGI wsgi-file still names the \(script) script" + instead
        }
        switch Self.kind(of: file) {
        case "systemd unit": return "systemd unit runs the \(script) script" + instead
        case "file": return "references the \(script) script" + instead
        case let kind: return "\(kind) references the \(script) script" + instead
        }
    }

    /// The reason for a reference to `script`, whose entry point this change removes and which gets no module.
    private func gone(_ script: String, line: Substring, in file: String) -> String {
        let what =
            UWSGIIniRewriter.scriptNamed(in: line, among: [script]) != nil || line.contains("wsgi-file")
            ? "uWSGI wsgi-file names a script that is gone" : "\(Self.kind(of: file)) references a script that is gone"
        return what + ": the \(script) script no longer exists (this change removes its entry point and, with "
            + "servers: skip, gives it no module); drop or replace this reference"
    }

    /// The reason for a uWSGI `wsgi-file` that names no script of this change (an unknown name or an in-tree file),
    /// or nil when `line` sets no `wsgi-file` or the change makes no module.
    private func unmappedWSGIFile(_ line: Substring) -> String? {
        let modules = scripts.values.compactMap { $0 }.uniquedSorted()
        guard !modules.isEmpty, let value = Self.wsgiFileValue(in: line) else { return nil }
        let form = modules.map { "module = \($0):application" }.joined(separator: " or ")
        return "uWSGI wsgi-file fleet could not map to a module (\(value) is not a script this change replaces); "
            + "\(form) is the migrated form"
    }

    /// What kind of file `file` is, for a reason: `devstack plugin`, `documentation`, ...
    private static func kind(of file: String) -> String {
        if file.hasPrefix("devstack/") { return "devstack plugin" }
        if file.hasSuffix(".service") || file.hasSuffix(".socket") { return "systemd unit" }
        if file.hasPrefix("doc/") || file.hasPrefix("api-ref/") || file.hasPrefix("install-guide/")
            || file.hasSuffix(".rst")
        {
            return "documentation"
        }
        return "file"
    }

    private func replacement(_ script: String?) -> String {
        guard let script, let module = scripts[script] ?? nil else { return "the new <pkg>.wsgi module" }
        return module
    }
}

extension Array where Element == String {
    /// Sorted, without repeats.
    func uniquedSorted() -> [String] { Array(Set(self)).sorted() }
}
