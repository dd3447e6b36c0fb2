import Foundation

/// Review remotes as `git push` names them: `ssh://user@host:29418/project`, `https://host/project`,
/// `git://host/project`, scp-like `user@host:project`, or a local path or `file://` URL.
public enum ReviewRemote {
    /// The network schemes whose host is a review host.
    private static let networkSchemes: Set<String> = ["ssh", "git", "http", "https", "git+ssh", "ssh+git"]

    /// The host a remote pushes to (`host` of every form above), or nil for a local path or `file://` URL.
    public static func host(of remote: String) -> String? {
        if remote.contains("://") {
            guard let components = URLComponents(string: remote),
                networkSchemes.contains(components.scheme?.lowercased() ?? ""),
                let host = components.host, !host.isEmpty
            else { return nil }
            return host
        }
        // scp-like syntax: [user@]host:path, where the part before the colon has no slash (else it is a path).
        guard let colon = remote.firstIndex(of: ":"), !remote[..<colon].contains("/") else { return nil }
        let host = remote[..<colon].split(separator: "@").last.map(String.init) ?? ""
        return host.isEmpty ? nil : host
    }
}
