import Clibgit2

// MARK: - Remotes built from the config without libgit2's leaking insteadOf pass

/// Why GitKit builds remotes itself: `git_remote_lookup` and `git_remote_create` rewrite URLs with `insteadOf` by
/// matching a PCRE2 regex against every config entry, and libgit2 1.5.1 (Debian 12) never frees the match data of an
/// entry that does not match (fixed in libgit2 1.6, PR 6382). With PCRE2 10.42 that is a 20 KiB heap-frame block
/// per config entry and pass: about 140 KB of resident memory per fetch here, 200 MB over a 600-repo run. Reading
/// the few keys directly and iterating the config without a regex does the same work with no leak.
extension Repository {
    /// The URL configured for `remote` (`remote.<name>.url`), as written, or nil when there is none.
    public func configuredRemoteURL(_ name: String = "origin") throws(GitError) -> String? {
        try withConfigSnapshot { (config) throws(GitError) in try getString("remote.\(name).url", in: config) }
    }

    /// An in-memory remote for `name`: its configured URL after `insteadOf` and its fetch refspecs.
    /// - Returns: the remote (free it with `git_remote_free`) and its refspecs, to pass to the fetch.
    /// - Throws: ``GitError`` with code `.notFound` when the remote is not configured.
    func makeConfiguredRemote(_ name: String) throws(GitError) -> (remote: OpaquePointer, refspecs: [String]) {
        let (url, refspecs) = try withConfigSnapshot { (config) throws(GitError) in
            // Only a missing key is a missing remote; an unreadable config is its own error.
            guard let url = try getString("remote.\(name).url", in: config) else {
                throw GitError(
                    code: .notFound, rawCode: GIT_ENOTFOUND.rawValue, function: "remote '\(name)'",
                    message: "remote '\(name)' does not exist")
            }
            return (
                try Self.applyingInsteadOf(url, config: config), try Self.values(of: "remote.\(name).fetch", in: config)
            )
        }
        return (try makeInMemoryRemote(url: url, label: name), refspecs)
    }

    /// An anonymous in-memory remote for `url` (which must already have had `insteadOf` applied), made without
    /// libgit2's leaking `insteadOf` pass and without a default fetch refspec.
    /// - Returns: the remote; free it with `git_remote_free`.
    func makeInMemoryRemote(url: String, label: String) throws(GitError) -> OpaquePointer {
        var options = git_remote_create_options()
        try check(
            git_remote_create_options_init(&options, UInt32(GIT_REMOTE_CREATE_OPTIONS_VERSION)),
            "git_remote_create_options_init")
        options.repository = pointer
        options.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF.rawValue | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC.rawValue
        return try make("git_remote_create_with_opts(\(label))") { git_remote_create_with_opts(&$0, url, &options) }
    }

    /// The URL `push` sends to for `remoteOrURL`: a configured remote's `pushurl` (else `url`), else `remoteOrURL`
    /// itself, then rewritten by `insteadOf`.
    func pushURL(for remoteOrURL: String) throws(GitError) -> String {
        var valid: Int32 = 0
        _ = git_remote_name_is_valid(&valid, remoteOrURL)
        // A URL or a path is never a valid remote name, so only a name is looked up in the config.
        let configured = try withConfigSnapshot { (config) throws(GitError) -> String? in
            guard valid != 0 else { return nil }
            if let pushURL = try getString("remote.\(remoteOrURL).pushurl", in: config) { return pushURL }
            return try getString("remote.\(remoteOrURL).url", in: config)
        }
        return try applyingInsteadOf(configured ?? remoteOrURL)
    }

    /// `url` rewritten by the longest matching `url.<base>.insteadOf` prefix, as git rewrites fetch URLs.
    func applyingInsteadOf(_ url: String) throws(GitError) -> String {
        try withConfigSnapshot { (config) throws(GitError) in try Self.applyingInsteadOf(url, config: config) }
    }

    private func withConfigSnapshot<T>(_ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
        let config = try make("git_repository_config_snapshot") { git_repository_config_snapshot(&$0, pointer) }
        defer { git_config_free(config) }
        return try body(config)
    }

    /// Makes the clone's `origin` as `git_remote_create` would, applying `insteadOf` without the leaking regex pass.
    static let cloneRemoteCallback: git_remote_create_cb = { out, repository, name, url, _ in
        guard let out, let repository, let name, let url else { return -1 }
        var options = git_remote_create_options()
        var rc = git_remote_create_options_init(&options, UInt32(GIT_REMOTE_CREATE_OPTIONS_VERSION))
        guard rc == 0 else { return rc }
        options.repository = repository
        options.name = name
        options.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF.rawValue
        var remote: OpaquePointer?
        rc = git_remote_create_with_opts(&remote, url, &options)
        guard rc == 0, let remote else { return rc < 0 ? rc : -1 }
        var config: OpaquePointer?
        defer { git_config_free(config) }
        let original = String(cString: url)
        if git_repository_config_snapshot(&config, repository) == 0, let config,
            let rewritten = try? applyingInsteadOf(original, config: config), rewritten != original,
            git_remote_set_instance_url(remote, rewritten) != 0
        {
            git_remote_free(remote)
            return -1
        }
        out.pointee = remote
        return 0
    }

    private static func applyingInsteadOf(_ url: String, config: OpaquePointer) throws(GitError) -> String {
        var best: (base: String, prefix: String)?
        let iterator = try make("git_config_iterator_new") { git_config_iterator_new(&$0, config) }
        defer { git_config_iterator_free(iterator) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0 {
            guard let entry, let rawName = entry.pointee.name, let rawValue = entry.pointee.value else { continue }
            // libgit2 lower-cases the section and the key, and keeps the subsection (the base URL) as written.
            let name = String(cString: rawName)
            let prefix = String(cString: rawValue)
            guard name.hasPrefix("url."), name.hasSuffix(".insteadof"), !prefix.isEmpty, url.hasPrefix(prefix),
                prefix.count > (best?.prefix.count ?? 0)
            else { continue }
            best = (String(name.dropFirst("url.".count).dropLast(".insteadof".count)), prefix)
        }
        guard let best else { return url }
        return best.base + url.dropFirst(best.prefix.count)
    }

    private static func values(of name: String, in config: OpaquePointer) throws(GitError) -> [String] {
        var iterator: OpaquePointer?
        let rc = git_config_multivar_iterator_new(&iterator, config, name, nil)
        if rc == GIT_ENOTFOUND.rawValue { return [] }
        try check(rc, "git_config_multivar_iterator_new(\(name))")
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0 {
            if let value = entry?.pointee.value { values.append(String(cString: value)) }
        }
        return values
    }
}
