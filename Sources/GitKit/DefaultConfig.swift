import Clibgit2

/// The user's git configuration outside any repository: the global (`~/.gitconfig`), XDG and system files, found
/// the way libgit2 finds them (from `HOME` and `XDG_CONFIG_HOME` as they were when libgit2 started).
public enum DefaultConfig {
    /// The string value of `key`, or nil when no file sets it.
    /// - Throws: ``GitError`` when a configuration file cannot be read or parsed.
    public static func value(_ key: String) throws(GitError) -> String? {
        try values([key])[key]
    }

    /// The string values of `keys` that are set: one opening of the files however many keys.
    /// - Throws: ``GitError`` when a configuration file cannot be read or parsed.
    public static func values(_ keys: [String]) throws(GitError) -> [String: String] {
        LibGit2.bootstrap()
        let config = try make("git_config_open_default") { git_config_open_default(&$0) }
        defer { git_config_free(config) }
        return try stringValues(keys, in: config)
    }

    /// The string value of `key` in a snapshot of `config` (values read from a live config may change under it),
    /// or nil when unset.
    /// - Throws: ``GitError`` when the configuration cannot be read.
    static func stringValue(_ key: String, in config: OpaquePointer) throws(GitError) -> String? {
        try stringValues([key], in: config)[key]
    }

    /// The string values of `keys` that are set, read from one snapshot of `config`.
    /// - Throws: ``GitError`` when the configuration cannot be read.
    static func stringValues(_ keys: [String], in config: OpaquePointer) throws(GitError) -> [String: String] {
        let snapshot = try make("git_config_snapshot") { git_config_snapshot(&$0, config) }
        defer { git_config_free(snapshot) }
        var values: [String: String] = [:]
        for key in keys {
            if let value = try getString(key, in: snapshot) { values[key] = value }
        }
        return values
    }
}

/// The string value of `key` in `config`, which must be a snapshot (a string read from a live config may change
/// under it), or nil when unset.
/// - Throws: ``GitError`` when the configuration cannot be read.
func getString(_ key: String, in config: OpaquePointer) throws(GitError) -> String? {
    var value: UnsafePointer<CChar>?
    let rc = git_config_get_string(&value, config, key)
    if rc == GIT_ENOTFOUND.rawValue { return nil }
    try check(rc, "git_config_get_string(\(key))")
    return value.map { String(cString: $0) }
}
