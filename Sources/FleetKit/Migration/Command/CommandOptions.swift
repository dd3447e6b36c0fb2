/// The `command` rewriter's plan options.
public struct CommandOptions: Codable, Sendable, Equatable {
    /// The shell command, run by `/bin/sh -c` with the clone's root as working directory.
    public var run: String
    /// Seconds the command may run before its whole process group is killed.
    public var timeout: Double

    /// The timeout when the plan gives none: ten minutes.
    public static let defaultTimeout: Double = 600

    /// Makes options.
    public init(run: String, timeout: Double = defaultTimeout) {
        self.run = run
        self.timeout = timeout
    }
}
