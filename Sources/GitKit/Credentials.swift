import Foundation

/// How GitKit answers a server that asks who we are: an SSH agent or key, or an HTTPS user and token.
public struct Credentials: Sendable, Equatable {
    /// The user name for SSH or HTTPS; for SSH the URL's user wins, then this, then `git`.
    public var username: String?
    /// The HTTPS password or token.
    public var password: String?
    /// A private key file for SSH.
    public var sshPrivateKey: String?
    /// The passphrase of `sshPrivateKey`, when it has one.
    public var sshPassphrase: String?
    /// Whether to offer the keys of the running SSH agent (`SSH_AUTH_SOCK`).
    public var useSSHAgent: Bool
    /// How many times the server may ask before GitKit gives up with an authentication error.
    public var maxAttempts: Int

    /// Makes a set of credentials.
    public init(
        username: String? = nil, password: String? = nil, sshPrivateKey: String? = nil,
        sshPassphrase: String? = nil, useSSHAgent: Bool = false, maxAttempts: Int = 3
    ) {
        self.username = username
        self.password = password
        self.sshPrivateKey = sshPrivateKey
        self.sshPassphrase = sshPassphrase
        self.useSSHAgent = useSSHAgent
        self.maxAttempts = maxAttempts
    }

    /// No credentials: a server that asks gets an authentication error at once.
    public static let none = Credentials(maxAttempts: 1)

    /// Credentials for `url` from the URL itself (`https://user:token@host`) and the environment:
    /// `FLEET_HTTP_USER`/`FLEET_HTTP_TOKEN`, `FLEET_SSH_KEY` (and `FLEET_SSH_PASSPHRASE`), `SSH_AUTH_SOCK`.
    public static func from(url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Credentials
    {
        var credentials = Credentials()
        if let components = URLComponents(string: url) {
            credentials.username = components.user.flatMap { $0.removingPercentEncoding ?? $0 }
            credentials.password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
        }
        credentials.username = credentials.username ?? environment["FLEET_HTTP_USER"]
        credentials.password = credentials.password ?? environment["FLEET_HTTP_TOKEN"]
        credentials.sshPrivateKey = environment["FLEET_SSH_KEY"]
        credentials.sshPassphrase = environment["FLEET_SSH_PASSPHRASE"]
        credentials.useSSHAgent = environment["SSH_AUTH_SOCK"].map { !$0.isEmpty } ?? false
        return credentials
    }
}

/// Hides the password or token of a URL, for logs and reports: `https://user:***@host/path`.
public func redactedURL(_ url: String) -> String {
    guard let schemeEnd = url.range(of: "://") else { return url }
    let rest = url[schemeEnd.upperBound...]
    let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
    guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
    let userInfo = rest[..<at]
    guard let colon = userInfo.firstIndex(of: ":") else { return url }
    return String(url[..<schemeEnd.upperBound]) + userInfo[..<colon] + ":***" + rest[at...]
}
