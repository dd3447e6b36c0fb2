import Foundation

/// Gerrit base URLs as fleet uses them: `http(s)://host[:port][/path]/`, always ending with `/`, never with userinfo.
public enum GerritURL {
    /// The base URL of `text`, or nil when it is not an `http` or `https` URL with a host.
    ///
    /// Any `user:token@` is dropped, so a base URL can be printed and written to reports as it is.
    public static func normalize(_ text: String) -> String? {
        guard var components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty
        else { return nil }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        if !components.path.hasSuffix("/") { components.path += "/" }
        return components.string
    }

    /// `https://<host>/` of a review remote (`ssh://user@host:29418/project`, `https://host/project`, or
    /// scp-like `user@host:project`); nil for a local path or `file://` URL.
    public static func fromReviewRemote(_ remote: String) -> String? {
        ReviewRemote.host(of: remote).map { "https://\($0)/" }
    }
}
