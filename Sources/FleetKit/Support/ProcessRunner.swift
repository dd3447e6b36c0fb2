import Foundation

/// What a finished child process left behind.
public struct ProcessOutput: Sendable, Equatable {
    /// The exit status (or the signal number when `wasSignalled`).
    public var status: Int32
    /// Whether a signal ended the process.
    public var wasSignalled: Bool
    /// Everything it wrote to stdout, decoded as UTF-8.
    public var stdout: String
    /// Everything it wrote to stderr, decoded as UTF-8.
    public var stderr: String

    /// Whether it exited with status 0.
    public var isSuccess: Bool { !wasSignalled && status == 0 }
}

/// Runs child processes synchronously, for python verification and for tests.
public enum ProcessRunner {
    /// Runs `executable` (a path, or a name looked up on `PATH`) to completion.
    /// - Parameters:
    ///   - environment: variables added to (or replacing) this process's environment.
    ///   - input: bytes written to the child's stdin, then closed.
    /// - Throws: when the executable cannot be started.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        currentDirectory: URL? = nil, input: Data? = nil
    ) throws -> ProcessOutput {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        // Drain both pipes at once: a child blocked on a full stderr pipe would never exit.
        let errorBox = OutputBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorBox.set(stderr.fileHandleForReading.readDataToEndOfFile())
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus,
            wasSignalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorBox.get(), as: UTF8.self))
    }
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
