import Foundation
import GitKit

/// Who fleet's commits are made by, found by git's own rules; fleet never invents one.
///
/// Each of the four fields comes from its environment variable (`GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`,
/// `GIT_COMMITTER_NAME`, `GIT_COMMITTER_EMAIL`) when set and not empty, else from `user.name` or `user.email` in git's
/// configuration (the clone's, then the user's global, XDG and system files), as `git commit` does.
public struct CommitIdentity: Sendable, Equatable {
    /// The author of fleet's commits.
    public var author: Signature
    /// The committer, who also signs off (`Signed-off-by:`), as `git commit -s` does.
    public var committer: Signature

    /// Makes an identity.
    public init(author: Signature, committer: Signature) {
        self.author = author
        self.committer = committer
    }

    /// The identity from `environment` over `config` (a `user.name`/`user.email` lookup), or nil when a name or an
    /// email is missing for the author or the committer.
    public static func resolve(
        config: (String) -> String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        date: Date = Date()
    ) -> CommitIdentity? {
        func field(_ variable: String, _ key: String) -> String? {
            if let value = environment[variable], !value.isEmpty { return value }
            return config(key).flatMap { $0.isEmpty ? nil : $0 }
        }
        let offset = TimeZone.current.secondsFromGMT(for: date) / 60
        guard let authorName = field("GIT_AUTHOR_NAME", "user.name"),
            let authorEmail = field("GIT_AUTHOR_EMAIL", "user.email"),
            let committerName = field("GIT_COMMITTER_NAME", "user.name"),
            let committerEmail = field("GIT_COMMITTER_EMAIL", "user.email")
        else { return nil }
        return CommitIdentity(
            author: Signature(name: authorName, email: authorEmail, date: date, offsetMinutes: offset),
            committer: Signature(name: committerName, email: committerEmail, date: date, offsetMinutes: offset))
    }

    /// The identity from the environment and the user's git configuration, outside any clone.
    public static func fromUserConfiguration(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> CommitIdentity? {
        let configured = (try? DefaultConfig.values(["user.name", "user.email"])) ?? [:]
        return resolve(config: { configured[$0] }, environment: environment)
    }

    /// What to tell a person whose git has no identity.
    public static let missingMessage =
        "git has no identity to commit as (no user.name and user.email in git's configuration); set one with "
        + "`git config --global user.name \"Your Name\"` and `git config --global user.email you@example.org`, "
        + "or set GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL"
}
