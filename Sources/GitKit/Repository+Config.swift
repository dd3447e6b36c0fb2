import Clibgit2
import Foundation

// MARK: - Configuration and identity

extension Repository {
    /// The string value of a configuration key (repository, global and system levels), or nil when unset.
    public func configValue(_ key: String) throws(GitError) -> String? {
        let config = try make("git_repository_config") { git_repository_config(&$0, pointer) }
        defer { git_config_free(config) }
        return try DefaultConfig.stringValue(key, in: config)
    }

    /// The string values of `keys` that are set, read from one snapshot of the configuration (repository, global and
    /// system levels): one read of the files however many keys.
    public func configValues(_ keys: [String]) throws(GitError) -> [String: String] {
        let config = try make("git_repository_config") { git_repository_config(&$0, pointer) }
        defer { git_config_free(config) }
        return try DefaultConfig.stringValues(keys, in: config)
    }

    /// Sets a configuration key in this repository's own config.
    public func setConfigValue(_ key: String, _ value: String) throws(GitError) {
        let config = try make("git_repository_config") { git_repository_config(&$0, pointer) }
        defer { git_config_free(config) }
        try check(git_config_set_string(config, key, value), "git_config_set_string(\(key))")
    }

    /// The signature from `user.name` and `user.email`, or nil when either is unset.
    public func configuredSignature(date: Date = Date()) throws(GitError) -> Signature? {
        let values = try configValues(["user.name", "user.email"])
        guard let name = values["user.name"], let email = values["user.email"] else { return nil }
        return Signature(
            name: name, email: email, date: date, offsetMinutes: TimeZone.current.secondsFromGMT(for: date) / 60)
    }
}
