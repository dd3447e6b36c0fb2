/// What the `command` rewriter records per repo: `"command": {"exitStatus": 0, "output": "..."}` in the repo's
/// `summary.json` object.
public struct CommandDetails: Codable, Sendable, Equatable {
    /// One run of the command.
    public struct Run: Codable, Sendable, Equatable {
        /// The exit status; nil when the command did not exit by itself (killed, timed out, interrupted, not started).
        public var exitStatus: Int?
        /// The last lines of what it wrote: stdout's, then stderr's, 20 lines at most.
        public var output: String

        /// Makes a record of a run.
        public init(exitStatus: Int?, output: String) {
            self.exitStatus = exitStatus
            self.output = output
        }

        private enum CodingKeys: String, CodingKey {
            case exitStatus, output
        }

        /// Writes `null` for a missing exit status, so readers always find the key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(exitStatus, forKey: .exitStatus)
            try container.encode(output, forKey: .output)
        }
    }

    /// The run, once the command was started.
    public var command: Run?

    /// Makes details.
    public init(command: Run? = nil) {
        self.command = command
    }
}
