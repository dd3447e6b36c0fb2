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

    /// These credentials with the user and password written into `remote` filled in where they are missing.
    func filling(from remote: RemoteURL) -> Credentials {
        var credentials = self
        credentials.username = credentials.username ?? remote.user
        credentials.password = credentials.password ?? remote.password
        return credentials
    }

    /// Credentials for `url` from the URL itself (`https://user:token@host`) and the environment:
    /// `FLEET_HTTP_USER`/`FLEET_HTTP_TOKEN`, `FLEET_SSH_KEY` (and `FLEET_SSH_PASSPHRASE`), `SSH_AUTH_SOCK`.
    public static func from(url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Credentials
    {
        // What the URL says wins; the environment fills what it leaves out.
        var credentials = Credentials().filling(from: RemoteURL(url))
        credentials.username = credentials.username ?? environment["FLEET_HTTP_USER"]
        credentials.password = credentials.password ?? environment["FLEET_HTTP_TOKEN"]
        credentials.sshPrivateKey = environment["FLEET_SSH_KEY"]
        credentials.sshPassphrase = environment["FLEET_SSH_PASSPHRASE"]
        credentials.useSSHAgent = environment["SSH_AUTH_SOCK"].map { !$0.isEmpty } ?? false
        return credentials
    }
}
