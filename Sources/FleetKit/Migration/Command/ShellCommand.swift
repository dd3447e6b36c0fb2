import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One shell command run by `/bin/sh -c` in its own process group, waited for without blocking on its output, and
/// killed with everything it started when it times out, when the run is interrupted, or when it exits.
///
/// It uses `posix_spawn` directly rather than Foundation's `Process` or swift-subprocess: the worker lanes are
/// synchronous Dispatch threads (swift-subprocess 1.0.2 is async-only), and `Process` on Linux can neither start a
/// child in a process group of its own nor reset the signals fleet ignores (a child inherits ignored SIGINT).
/// Output goes to files, never pipes (spike notes, section 9).
struct ShellCommand {
    /// How the command ended.
    enum Ending: Equatable {
        /// It exited by itself with this status.
        case exited(Int32)
        /// A signal it did not get from fleet ended it.
        case signalled(Int32)
        /// It ran past the timeout; fleet killed its process group.
        case timedOut
        /// The run was interrupted; fleet killed its process group.
        case interrupted
    }

    /// What a finished command left.
    struct Result {
        /// How it ended.
        var ending: Ending
        /// The end of its stdout (at most ``tailBytes`` bytes).
        var stdout: String
        /// The end of its stderr (at most ``tailBytes`` bytes).
        var stderr: String
    }

    /// The script, given to `/bin/sh -c`.
    var script: String
    /// The working directory.
    var directory: URL
    /// Variables added to fleet's environment.
    var environment: [String: String]
    /// Seconds before the process group is killed.
    var timeout: TimeInterval
    /// Polled while the command runs; once set, the process group is killed.
    var cancellation: CancellationFlag

    /// How much of each output file is read back: enough for the last lines, bounded for commands that print a lot.
    static let tailBytes = 64 * 1024

    /// Runs the command to its end.
    /// - Throws: ``ShellCommandError`` when it cannot be started.
    func run() throws(ShellCommandError) -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fleet-command-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw ShellCommandError("cannot make a folder for its output: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        let pid = try spawn(stdout: outPath, stderr: errPath)
        let ending = wait(for: pid)
        return Result(ending: ending, stdout: Self.tail(of: outPath), stderr: Self.tail(of: errPath))
    }

    // MARK: - Private

    /// Starts `/bin/sh -c script` as the leader of a new process group, with default signal handling, stdin from
    /// `/dev/null`, stdout and stderr to the files, and no other descriptor of fleet's.
    private func spawn(stdout: String, stderr: String) throws(ShellCommandError) -> pid_t {
        let outFD = open(stdout, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let errFD = open(stderr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer {
            if outFD >= 0 { close(outFD) }
            if errFD >= 0 { close(errFD) }
        }
        guard outFD >= 0, errFD >= 0 else { throw ShellCommandError("cannot open its output files: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outFD, 1)
        posix_spawn_file_actions_adddup2(&actions, errFD, 2)
        guard SpawnExtensions.addChangeDirectory(&actions, directory.path) == 0 else {
            throw ShellCommandError("this system cannot start a command in \(directory.path)")
        }
        // Descriptors libgit2 or the workspace lock left inheritable must not reach the command's children.
        _ = SpawnExtensions.addCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        // fleet ignores SIGINT and SIGTERM (its own handler turns them into a cancelled run); ignored signals are
        // inherited across exec, so the command gets them back at their defaults.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let arguments = ["/bin/sh", "-c", script]
        // PWD names the working directory, as a shell started there would set it.
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .merging(["PWD": directory.path]) { $1 }.map { "\($0)=\($1)" }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard status == 0 else { throw ShellCommandError("posix_spawn failed: \(String(cString: strerror(status)))") }
        return pid
    }

    /// Polls (every 50 ms at most) until the command exits, times out or the run is interrupted; then kills the
    /// whole process group, so nothing the command left running in the background outlives it, and reaps the leader.
    private func wait(for pid: pid_t) -> Ending {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1_000_000_000)
        var pause: useconds_t = 1_000
        var ending: Ending?
        while ending == nil {
            // WNOWAIT leaves the leader a zombie, so its process group id cannot be reused before the kill below.
            var info = siginfo_t()
            let rc = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if rc == 0 && info.si_signo == SIGCHLD { break }
            if rc == -1 && errno != EINTR { break }
            if cancellation.isCancelled {
                ending = .interrupted
            } else if DispatchTime.now().uptimeNanoseconds >= deadline {
                ending = .timedOut
            } else {
                usleep(pause)
                pause = min(pause * 2, 50_000)
            }
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if let ending { return ending }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// The last ``tailBytes`` of a file, decoded as UTF-8 (a character cut in half is replaced).
    private static func tail(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > UInt64(tailBytes) ? size - UInt64(tailBytes) : 0)
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }
}
