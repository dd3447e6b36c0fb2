import Clibgit2

// MARK: - Remotes: fetch, default branch, push

extension Repository {
    /// Fetches `remote` with pruning, updating its remote-tracking references.
    public func fetch(remote name: String = "origin", options: RemoteOptions = .default) throws(GitError) {
        // Not git_remote_lookup: see makeConfiguredRemote (a memory leak in libgit2 1.5.1).
        let (remote, refspecs) = try makeConfiguredRemote(name)
        defer { git_remote_free(remote) }
        let url = git_remote_url(remote).map { String(cString: $0) } ?? name
        var fetchOptions = git_fetch_options()
        try check(git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        fetchOptions.prune = GIT_FETCH_PRUNE
        // What a named remote does by default; an in-memory one would fetch no tags.
        fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_AUTO
        let context = RemoteCallbackContext(options: options, url: url)
        context.install(into: &fetchOptions.callbacks)
        let rc = withExtendedLifetime(context) {
            withStrArray(refspecs) { git_remote_fetch(remote, $0, &fetchOptions, "fetch \(name)") }
        }
        try context.check(rc, "git_remote_fetch(\(redactedURL(url)))")
    }

    /// The URL of `remote`, or nil when there is no such remote.
    public func remoteURL(_ name: String = "origin") throws(GitError) -> String? {
        guard let configured = try configuredRemoteURL(name) else { return nil }
        return try applyingInsteadOf(configured)
    }

    /// The remote's default branch: the target of `refs/remotes/<remote>/HEAD`, else asked of the server.
    public func remoteDefaultBranch(remote name: String = "origin", options: RemoteOptions = .default) throws(GitError)
        -> String
    {
        var reference: OpaquePointer?
        if git_reference_lookup(&reference, pointer, "refs/remotes/\(name)/HEAD") == 0 {
            defer { git_reference_free(reference) }
            if let target = git_reference_symbolic_target(reference) {
                return String(String(cString: target).dropFirst("refs/remotes/\(name)/".count))
            }
        }
        // Not git_remote_lookup: see makeConfiguredRemote (a memory leak in libgit2 1.5.1).
        let (remote, _) = try makeConfiguredRemote(name)
        defer { git_remote_free(remote) }
        let url = git_remote_url(remote).map { String(cString: $0) } ?? name
        var callbacks = git_remote_callbacks()
        try check(
            git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "git_remote_init_callbacks")
        let context = RemoteCallbackContext(options: options, url: url)
        context.install(into: &callbacks)
        return try withExtendedLifetime(context) { () throws(GitError) -> String in
            try context.check(
                git_remote_connect(remote, GIT_DIRECTION_FETCH, &callbacks, nil, nil), "git_remote_connect")
            defer { git_remote_disconnect(remote) }
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            try check(git_remote_default_branch(&buffer, remote), "git_remote_default_branch")
            return shortBranchName(String(gitBuffer: buffer) ?? "")
        }
    }

    /// Pushes `refspecs` to the named remote or to a URL (an anonymous remote).
    ///
    /// libgit2 reports success even when the server refuses a reference; GitKit collects the per-reference
    /// statuses and throws for the first refusal, with the server's own reason and messages. Credentials written
    /// into a URL go through the credential callback, like a clone's.
    public func push(refspecs: [String], to remoteOrURL: String, options: RemoteOptions = .default) throws(GitError) {
        // Not git_remote_lookup or git_remote_create_anonymous: see makeConfiguredRemote (a memory leak in
        // libgit2 1.5.1).
        var options = options
        let split = RemoteURL(try pushURL(for: remoteOrURL))
        options.credentials = options.credentials.filling(from: split)
        let remote = try makeInMemoryRemote(url: split.url, label: redactedURL(remoteOrURL))
        defer { git_remote_free(remote) }
        let url = git_remote_url(remote).map { String(cString: $0) } ?? redactedURL(remoteOrURL)
        var pushOptions = git_push_options()
        try check(git_push_options_init(&pushOptions, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
        let context = RemoteCallbackContext(options: options, url: url)
        context.install(into: &pushOptions.callbacks)
        let rc = withExtendedLifetime(context) { withStrArray(refspecs) { git_remote_push(remote, $0, &pushOptions) } }
        let messages = context.serverMessages.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            try context.check(rc, "git_remote_push(\(redactedURL(url)))")
        } catch {
            guard !messages.isEmpty else { throw error }
            throw GitError(
                code: error.code, rawCode: error.rawCode, errorClass: error.errorClass, function: error.function,
                message: error.message + "\nremote: " + messages)
        }
        if let rejected = context.rejectedReferences.first {
            var message = "remote rejected \(rejected.reference): \(rejected.status)"
            if !messages.isEmpty { message += "\nremote: " + messages }
            throw GitError(function: "git_remote_push(\(redactedURL(url)))", message: message)
        }
    }

    /// Adds a remote named `name` with `url`.
    public func addRemote(_ name: String, url: String) throws(GitError) {
        let remote = try make("git_remote_create(\(name))") { git_remote_create(&$0, pointer, name, url) }
        git_remote_free(remote)
    }
}
