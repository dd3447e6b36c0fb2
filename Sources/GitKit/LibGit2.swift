import Clibgit2
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide libgit2 set-up: initialised exactly once, the first time any GitKit entry point runs.
public enum LibGit2 {
    private static let initResult: Int32 = {
        // A server that drops the connection must become an error, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let count = git_libgit2_init()
        // Every object GitKit writes points at objects it just looked up or hashed: the index's entries (staged
        // from files, or written by a checkout) and a looked-up tree and parent. libgit2's strict mode would read
        // the header of every entry again to prove it exists: 150 object reads per commit of an OpenStack-sized
        // tree, a sixth of the commit step.
        clibgit2_set_strict_object_creation(0)
        return count
    }()

    /// Initialises libgit2 once per process; safe to call from any thread, any number of times.
    @discardableResult
    public static func bootstrap() -> Int32 { initResult }

    /// Runs ``bootstrap()`` on another thread, and returns at once.
    ///
    /// Its TLS set-up decodes every certificate of the system's CA bundle (about 4 ms); a caller with other work
    /// first (parsing arguments and a manifest) need not wait for it. The first GitKit call waits for it if it is
    /// not done.
    public static func bootstrapInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { bootstrap() }
    }

    /// The linked libgit2 version, such as `1.5.1`.
    public static var version: String {
        bootstrap()
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// The optional features libgit2 was built with (`threads`, `https`, `ssh`, `nsec`).
    public static var features: [String] {
        bootstrap()
        let bits = UInt32(git_libgit2_features())
        var names: [String] = []
        if bits & GIT_FEATURE_THREADS.rawValue != 0 { names.append("threads") }
        if bits & GIT_FEATURE_HTTPS.rawValue != 0 { names.append("https") }
        if bits & GIT_FEATURE_SSH.rawValue != 0 { names.append("ssh") }
        if bits & GIT_FEATURE_NSEC.rawValue != 0 { names.append("nsec") }
        return names
    }

    /// Sets the user agent libgit2 sends over HTTP(S).
    public static func setUserAgent(_ agent: String) throws(GitError) {
        bootstrap()
        try check(clibgit2_set_user_agent(agent), "git_libgit2_opts(SET_USER_AGENT)")
    }
}

/// Runs `body` with a C `git_strarray` made from `strings`, freeing the copies afterwards.
func withStrArray<R>(_ strings: [String], _ body: (UnsafeMutablePointer<git_strarray>) throws -> R) rethrows -> R {
    var cStrings: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for pointer in cStrings { free(pointer) } }
    return try cStrings.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}

extension String {
    /// Reads a libgit2 buffer into a String, or nil when it is empty.
    init?(gitBuffer buffer: git_buf) {
        guard let pointer = buffer.ptr, buffer.size > 0 else { return nil }
        self = String(decoding: UnsafeRawBufferPointer(start: pointer, count: buffer.size), as: UTF8.self)
    }
}
