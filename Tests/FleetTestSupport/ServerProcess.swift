import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process that serves TCP on 127.0.0.1 (git daemon, a small Python HTTP server) for one test.
///
/// `start` waits, bounded, until the port accepts connections; `stop` (also run by `deinit`) kills the process
/// and waits, bounded, until it is gone. Its stdout and stderr go to `logURL`.
public final class ServerProcess {
    /// The port the server listens on.
    public let port: Int
    /// The file that collects the server's stdout and stderr.
    public let logURL: URL
    private let process: Process

    private init(port: Int, logURL: URL, process: Process) {
        self.port = port
        self.logURL = logURL
        self.process = process
    }

    /// Starts `executable` with the arguments `makeArguments(port)` on a free port and waits until it listens.
    ///
    /// Tries up to `attempts` ports, in case another process takes the chosen one first.
    public static func start(
        _ executable: String, logURL: URL, timeout: TimeInterval = 10, attempts: Int = 3,
        makeArguments: (Int) -> [String]
    ) throws -> ServerProcess {
        var lastFailure = "not started"
        for _ in 0..<max(attempts, 1) {
            let port = try freeLocalPort()
            guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else {
                throw TestServerError("cannot create \(logURL.path)")
            }
            let log = try FileHandle(forWritingTo: logURL)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = makeArguments(port)
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = log
            process.standardError = log
            try process.run()
            try? log.close()
            let server = ServerProcess(port: port, logURL: logURL, process: process)
            let deadline = Date().addingTimeInterval(timeout)
            while server.isRunning && Date() < deadline {
                if isListening(port: port) { return server }
                Thread.sleep(forTimeInterval: 0.05)
            }
            server.stop()
            lastFailure = "\(executable) did not listen on 127.0.0.1:\(port) within \(timeout) s: \(server.log())"
        }
        throw TestServerError(lastFailure)
    }

    /// The server's process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the process is still running.
    public var isRunning: Bool { process.isRunning }

    /// What the server wrote so far.
    public func log() -> String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    }

    /// Kills the server and waits, bounded by `timeout`, until it is gone; safe to call more than once.
    ///
    /// SIGKILL, not SIGTERM: a child started from a Dispatch or Swift Testing thread inherits that thread's
    /// signal mask, in which SIGTERM and SIGINT are blocked, so `Process.terminate()` would not stop it.
    public func stop(timeout: TimeInterval = 5) {
        guard isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    deinit { stop() }
}
