import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running checker interpreter: its process id and fleet's end of the socket that is its stdin and stdout.
///
/// A plain value, so a ``PythonChecker`` can hand it to one worker at a time. Started with `posix_spawn`, not
/// `Foundation.Process`: fleet reaps it itself, it gets its own process group (a fake or wrapper interpreter's
/// children die with it) and default signal handling, and the socket ends are close-on-exec, so no process started
/// concurrently (a test server, another repo's child) inherits them and keeps the checker's input open.
struct PythonCheckerProcess: Sendable {
    /// Why a request got no answer.
    enum Failure: Error, Equatable {
        /// The interpreter could not be started at all (missing, not executable).
        case cannotStart(String)
        /// It closed the socket: it crashed, was killed, or is not a working Python.
        case exited
        /// It did not answer within the time allowed.
        case timedOut
    }

    /// The child's process id, also its process group id.
    let pid: pid_t
    /// fleet's end of the socket.
    let socket: Int32
    private var buffered: [UInt8] = []

    private init(pid: pid_t, socket: Int32) {
        self.pid = pid
        self.socket = socket
    }

    /// Starts `interpreter` (a path, or a name looked up on `PATH`) and waits for its `READY` line.
    /// - Returns: the process and the interpreter's `sys.executable` (empty when it does not know).
    static func start(_ interpreter: String, timeout: Duration) throws(Failure) -> (Self, executable: String) {
        var ends: [Int32] = [-1, -1]
        guard Self.makeSocketPair(&ends) else { throw .cannotStart(String(cString: strerror(errno))) }
        defer { close(ends[1]) }
        let arguments = [interpreter] + PythonCheckerScript.flags + ["-c", PythonCheckerScript.source]
        let spawned = ChildSpawner.spawn(arguments, stdinAndStdout: ends[1])
        let pid: pid_t
        switch spawned {
        case .success(let child): pid = child
        case .failure(let error):
            close(ends[0])
            throw .cannotStart(error.message)
        }
        var process = Self(pid: pid, socket: ends[0])
        do throws(Failure) {
            let ready = try process.readLine(until: .now + timeout)
            guard ready.hasPrefix("READY") else { throw .exited }
            return (process, String(ready.dropFirst("READY".count)).trimmingCharacters(in: .whitespaces))
        } catch {
            process.stop()
            throw error
        }
    }

    /// Sends one request line and returns the answer line.
    mutating func request(_ line: String, timeout: Duration) throws(Failure) -> String {
        let deadline = ContinuousClock.now + timeout
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Self.sendWithoutSignal(socket, $0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .exited }
            sent += count
        }
        return try readLine(until: deadline)
    }

    /// Closes fleet's end, kills the process group and reaps the child.
    ///
    /// Call once; the value is unusable after.
    func stop() {
        close(socket)
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        reap()
    }

    /// Closes fleet's end and gives the child `grace` to exit on its own, as it does at end of input; kills it if not.
    /// - Returns: whether it exited by itself.
    @discardableResult
    func finish(grace: Duration) -> Bool {
        close(socket)
        let deadline = ContinuousClock.now + grace
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno == ECHILD) { return true }
            usleep(1000)
        }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        reap()
        return false
    }

    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    private mutating func readLine(until deadline: ContinuousClock.Instant) throws(Failure) -> String {
        while true {
            if let end = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<end], as: UTF8.self)
                buffered.removeSubrange(...end)
                return line
            }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw .timedOut }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
            let ready = poll(&poller, 1, Int32(clamping: max(1, milliseconds)))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else {
                if ready == 0 { continue }
                throw .exited
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .exited }
            buffered += chunk[..<count]
        }
    }

    private static func makeSocketPair(_ ends: inout [Int32]) -> Bool {
        #if canImport(Glibc)
            // Close-on-exec from birth: no window in which another thread's spawn could inherit an end.
            return socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0
        #else
            guard socketpair(AF_UNIX, SOCK_STREAM, 0, &ends) == 0 else { return false }
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                var on: Int32 = 1
                setsockopt(end, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            }
            return true
        #endif
    }

    /// `send` that returns EPIPE instead of raising SIGPIPE, which would kill fleet when the checker died.
    private static func sendWithoutSignal(_ socket: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        #if canImport(Glibc)
            send(socket, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        #else
            send(socket, bytes.baseAddress, bytes.count, 0)
        #endif
    }
}
