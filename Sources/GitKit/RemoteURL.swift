import Foundation

/// A remote URL split into where it points and the credentials written into it (`https://user:token@host/x`).
///
/// Only ``url`` is ever given to libgit2, so only it can reach `.git/config` (`remote.origin.url`) or a reflog
/// (`clone: from <url>`); the user and password travel in memory, through the credential callback.
public struct RemoteURL: Sendable, Equatable {
    /// The URL without its user info; an `ssh://` URL keeps its user, which names the account, not a secret.
    public var url: String
    /// The user written into the URL, percent-decoded.
    public var user: String?
    /// The password or token written into the URL, percent-decoded.
    public var password: String?

    /// Splits `text`; anything without `scheme://user@` (a path, scp-style `git@host:path`) is kept whole.
    public init(_ text: String) {
        url = text
        guard let parts = Self.userInfoRange(in: text) else { return }
        let userInfo = text[parts.userInfo]
        let colon = userInfo.firstIndex(of: ":")
        let rawUser = userInfo[..<(colon ?? userInfo.endIndex)]
        user = rawUser.isEmpty ? nil : String(rawUser).removingPercentEncoding ?? String(rawUser)
        password = colon.map { String(userInfo[userInfo.index(after: $0)...]) }.map { $0.removingPercentEncoding ?? $0 }
        let keepsUser = text.lowercased().hasPrefix("ssh://") && !rawUser.isEmpty
        url = String(text[..<parts.userInfo.lowerBound]) + (keepsUser ? rawUser + "@" : "") + text[parts.rest...]
    }

    /// Where the user info is (`scheme://` up to the last `@` of the authority), and where the host starts.
    static func userInfoRange(in text: String) -> (userInfo: Range<String.Index>, rest: String.Index)? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else {
            return nil
        }
        let authority = text[schemeEnd.upperBound...]
        let authorityEnd = authority.firstIndex(where: { "/?#".contains($0) }) ?? authority.endIndex
        guard let at = authority[..<authorityEnd].lastIndex(of: "@") else { return nil }
        return (schemeEnd.upperBound..<at, text.index(after: at))
    }
}

/// Hides the credentials of a URL, for logs and reports: `https://user:***@host/path`, and `https://***@host/path`
/// for user info without a colon (often a token standing alone).
public func redactedURL(_ url: String) -> String {
    guard let parts = RemoteURL.userInfoRange(in: url) else { return url }
    let userInfo = url[parts.userInfo]
    let shown = userInfo.firstIndex(of: ":").map { userInfo[..<$0] + ":***" } ?? "***"
    return String(url[..<parts.userInfo.lowerBound]) + shown + "@" + url[parts.rest...]
}

/// `text` with every URL's credentials hidden (see ``redactedURL(_:)``), for messages that may quote URLs.
public func redactingURLs(in text: String) -> String {
    var result = ""
    var rest = text[...]
    while let schemeEnd = rest.range(of: "://") {
        // The URL starts at the scheme: the letters, digits and +-. just before "://".
        var start = schemeEnd.lowerBound
        while start > rest.startIndex {
            let previous = rest.index(before: start)
            guard rest[previous].isLetter || rest[previous].isNumber || "+-.".contains(rest[previous]) else { break }
            start = previous
        }
        let end =
            rest[schemeEnd.upperBound...].firstIndex(where: { $0.isWhitespace || "'\"()<>,;".contains($0) })
            ?? rest.endIndex
        result += rest[..<start] + redactedURL(String(rest[start..<end]))
        rest = rest[end...]
    }
    return result + rest
}
