import FleetKit
import Foundation

/// A real `git daemon` on 127.0.0.1 serving every repository under `basePath`, pushes included.
///
/// Use it through `withGitDaemon`, which always terminates the daemon, even when the body throws.
public final class GitDaemon {
    /// The folder whose repositories are served (`--base-path`).
    public let basePath: URL
    /// The running daemon.
    public let server: ServerProcess

    /// Starts `git daemon --enable=receive-pack --export-all` on a free port and waits until it listens.
    public init(basePath: URL, timeout: TimeInterval = 10) throws {
        guard let daemon = gitDaemonExecutable else { throw TestServerError("git-daemon is not installed") }
        self.basePath = basePath
        server = try ServerProcess.start(
            daemon, logURL: basePath.deletingLastPathComponent().appendingPathComponent("git-daemon.log"),
            timeout: timeout
        ) { port in
            [
                "--enable=receive-pack", "--export-all", "--informative-errors", "--verbose",
                "--base-path=\(basePath.path)", "--port=\(port)", "--listen=127.0.0.1", "--reuseaddr",
            ]
        }
    }

    /// The `git://` URL of the repository at `relativePath` under `basePath`.
    public func url(_ relativePath: String) -> String {
        "git://127.0.0.1:\(server.port)/\(relativePath)"
    }

    /// Stops the daemon; safe to call more than once.
    public func stop() { server.stop() }
}

/// Runs `body` with a git daemon serving `basePath`, and stops the daemon afterwards whatever happens.
public func withGitDaemon<R>(basePath: URL, _ body: (GitDaemon) throws -> R) throws -> R {
    let daemon = try GitDaemon(basePath: basePath)
    defer { daemon.stop() }
    return try body(daemon)
}

/// The `git-daemon` program, or nil when git (or its daemon) is not installed.
public let gitDaemonExecutable: String? = {
    guard let output = try? ProcessRunner.run("git", ["--exec-path"]), output.isSuccess else { return nil }
    let path = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/git-daemon"
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()
