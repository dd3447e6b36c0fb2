import Clibgit2

/// How far a fetch or clone has got.
public struct TransferProgress: Sendable, Equatable {
    /// Objects the server will send.
    public var totalObjects: Int
    /// Objects received so far.
    public var receivedObjects: Int
    /// Objects indexed so far.
    public var indexedObjects: Int
    /// Bytes received so far.
    public var receivedBytes: Int

    /// Received objects as a percentage, 0–100.
    public var percent: Int { totalObjects == 0 ? 0 : receivedObjects * 100 / totalObjects }
}

/// What a network operation reports and how it may be stopped.
public struct RemoteOptions: Sendable {
    /// Who we are, when the server asks.
    public var credentials: Credentials
    /// Called as objects arrive; runs on the calling thread.
    public var progress: (@Sendable (TransferProgress) -> Void)?
    /// Polled during transfers; returning true aborts the operation with a `.user` error.
    public var isCancelled: (@Sendable () -> Bool)?
    /// Accept any SSH host key (the test servers' own keys); leave false for real hosts.
    public var acceptUnknownHostKeys: Bool

    /// Makes remote options.
    public init(
        credentials: Credentials = .none, progress: (@Sendable (TransferProgress) -> Void)? = nil,
        isCancelled: (@Sendable () -> Bool)? = nil, acceptUnknownHostKeys: Bool = false
    ) {
        self.credentials = credentials
        self.progress = progress
        self.isCancelled = isCancelled
        self.acceptUnknownHostKeys = acceptUnknownHostKeys
    }

    /// No credentials, no progress, no cancellation.
    public static let `default` = RemoteOptions()
}

/// The per-call state behind libgit2's C callbacks, passed through their `payload` pointer.
final class RemoteCallbackContext {
    let options: RemoteOptions
    let url: String
    var attempts = 0
    var rejectedReferences: [(reference: String, status: String)] = []
    var serverMessages = ""
    /// Why a callback stopped the operation (cancelled, out of credentials), with the code it returned.
    var abort: (code: Int32, message: String)?

    init(options: RemoteOptions, url: String) {
        self.options = options
        self.url = url
    }

    /// Installs capture-free C callbacks into `callbacks`; keep `self` alive while they can run.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let context = Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue()
            if context.options.isCancelled?() == true { return context.stop(GIT_EUSER.rawValue, "cancelled") }
            let value = stats.pointee
            context.options.progress?(
                TransferProgress(
                    totalObjects: Int(value.total_objects), receivedObjects: Int(value.received_objects),
                    indexedObjects: Int(value.indexed_objects), receivedBytes: Int(value.received_bytes)))
            return 0
        }
        callbacks.sideband_progress = { text, length, payload in
            guard let text, let payload, length > 0 else { return 0 }
            let context = Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
            context.serverMessages += String(decoding: bytes, as: UTF8.self)
            return context.options.isCancelled?() == true ? context.stop(GIT_EUSER.rawValue, "cancelled") : 0
        }
        callbacks.push_update_reference = { reference, status, payload in
            guard let payload else { return 0 }
            let context = Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue()
            if let status {
                let name = reference.map { String(cString: $0) } ?? "?"
                context.rejectedReferences.append((name, String(cString: status)))
            }
            return 0
        }
        callbacks.credentials = { out, url, usernameFromURL, allowedTypes, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            let context = Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue()
            return context.acquireCredential(
                out, usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowed: allowedTypes)
        }
        callbacks.certificate_check = { certificate, valid, host, payload in
            guard let payload else { return GIT_PASSTHROUGH.rawValue }
            let context = Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue()
            let isSSH = certificate?.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2
            if isSSH && context.options.acceptUnknownHostKeys { return 0 }
            return GIT_PASSTHROUGH.rawValue
        }
    }

    /// Answers one credential request, giving up after `maxAttempts` so a wrong password never loops.
    private func acquireCredential(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, usernameFromURL: String?, allowed: UInt32
    ) -> Int32 {
        attempts += 1
        let credentials = options.credentials
        guard attempts <= max(credentials.maxAttempts, 1) else {
            // Without this message git_error_last() would hold a stale, unrelated one (spike pitfall 14).
            return stop(
                GIT_EAUTH.rawValue, "authentication failed for \(redactedURL(url)) after \(attempts - 1) attempt(s)")
        }
        let user = usernameFromURL ?? credentials.username ?? "git"
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            if let key = credentials.sshPrivateKey, !(credentials.useSSHAgent && attempts == 1) {
                return git_credential_ssh_key_new(out, user, nil, key, credentials.sshPassphrase)
            }
            if credentials.useSSHAgent { return git_credential_ssh_key_from_agent(out, user) }
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, let password = credentials.password {
            return git_credential_userpass_plaintext_new(out, credentials.username ?? user, password)
        }
        // `https://<token>@host`: the token is the user, with an empty password, as git sends it.
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, let token = credentials.username {
            return git_credential_userpass_plaintext_new(out, token, "")
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, user)
        }
        return stop(GIT_EAUTH.rawValue, "no credentials for \(redactedURL(url)) (the server asked for them)")
    }

    /// Records why a callback stops the operation, sets it as libgit2's last error, and returns `code`.
    private func stop(_ code: Int32, _ message: String) -> Int32 {
        abort = (code, message)
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), message)
        return code
    }

    /// Checks the return code of the operation these callbacks served.
    ///
    /// When a callback stopped it, the error carries the callback's reason: libgit2 may overwrite the last
    /// error while it unwinds (a cancelled `file://` clone reported "object not found - failed to find pack entry").
    func check(_ rc: Int32, _ function: @autoclosure () -> String) throws(GitError) {
        guard rc < 0 else { return }
        if let abort {
            throw GitError(
                code: .init(rawValue: abort.code), rawCode: abort.code, errorClass: Int32(GIT_ERROR_NET.rawValue),
                function: function(), message: abort.message)
        }
        try GitKit.check(rc, function())
    }
}
