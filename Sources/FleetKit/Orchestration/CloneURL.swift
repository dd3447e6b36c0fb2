import Foundation

/// Clone sources as users write them in manifests.
public enum CloneURL {
    /// A relative local path (`../remotes/nova.git`) made absolute against the manifest's folder; URLs
    /// (`https://…`, `ssh://…`, `file://…`), scp-style `user@host:path` and absolute paths are left alone.
    public static func resolve(_ url: String, relativeTo manifest: URL) -> String {
        if url.contains("://") || url.hasPrefix("/") { return url }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return url }
        return URL(fileURLWithPath: url, relativeTo: manifest.deletingLastPathComponent()).standardizedFileURL.path
    }
}
