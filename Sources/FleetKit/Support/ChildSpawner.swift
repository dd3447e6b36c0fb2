import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a long-lived child with `posix_spawnp`: in its own process group, with default signal handling and no
/// blocked signals, one socket as its stdin and stdout, and stderr on `/dev/null`.
enum ChildSpawner {
    /// Spawns `arguments[0]` (a path, or a name looked up on `PATH`) with fleet's environment.
    /// - Returns: the child's process id, or the `errno` of the failure.
    static func spawn(_ arguments: [String], stdinAndStdout socket: Int32) -> Result<pid_t, SpawnErrno> {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t?
            var attributes: posix_spawnattr_t?
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_adddup2(&actions, socket, 0)
        posix_spawn_file_actions_adddup2(&actions, socket, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A test thread may block signals, and children inherit the mask: the checker must die on SIGKILL and
        // on SIGPIPE like any process. Its own group: killing the group also kills a wrapper's children.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        var code = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        // "Text file busy": a child another thread forked still holds the program open for writing until it execs
        // (a script written just now; a shim pyenv is rewriting). That lasts a moment: try again for half a second.
        for _ in 0..<10 where code == ETXTBSY {
            usleep(50_000)
            code = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        }
        return code == 0 ? .success(pid) : .failure(SpawnErrno(code: code))
    }
}

/// The `errno` `posix_spawnp` returned.
struct SpawnErrno: Error, Equatable {
    /// The error number.
    var code: Int32

    /// The system's text for it.
    var message: String { String(cString: strerror(code)) }
}
