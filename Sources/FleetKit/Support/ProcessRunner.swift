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
    ///
    /// Output is collected in temporary files, not pipes: a process started at the same moment from another
    /// thread (a test server, say) can inherit a pipe's write end and hold it open forever, so waiting for a
    /// pipe's end of file can hang; waiting for the child's exit cannot.
    /// - Parameters:
    ///   - executable: the program to run: a path, or a name looked up on `PATH`.
    ///   - arguments: the arguments passed to it.
    ///   - environment: variables added to (or replacing) this process's environment.
    ///   - currentDirectory: the folder it runs in; this process's own when nil.
    ///   - input: bytes the child reads on stdin.
    /// - Returns: the exit status and everything the child wrote to stdout and stderr.
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
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fleet-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: input ?? Data())
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer {
            try? out.close()
            try? err.close()
            try? inHandle.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inHandle
        try process.run()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus,
            wasSignalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}
