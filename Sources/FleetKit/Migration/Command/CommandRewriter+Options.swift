import Foundation
import Yams

extension CommandRewriter {
    /// Reads `options:`: `run` (required, a non-empty string) and `timeout` (a positive number of seconds).
    public static func readOptions(_ map: MappingReader?, sink: inout DiagnosticSink) -> CommandOptions? {
        let place = "in the options of rewriter '\(name)'"
        guard let map else {
            sink.error("missing 'options' with key 'run' (the shell command to run) for rewriter '\(name)'", at: nil)
            return nil
        }
        guard map.require("run", place: place, sink: &sink), let run = map.string("run", sink: &sink) else {
            _ = readTimeout(map, sink: &sink)
            return nil
        }
        guard let timeout = readTimeout(map, sink: &sink) else { return nil }
        return CommandOptions(run: run, timeout: timeout)
    }

    /// The longest `timeout` taken: a week, far beyond any change a command makes, and far inside what a deadline
    /// in nanoseconds can hold.
    static let maximumTimeout: Double = 7 * 86_400

    /// The `timeout` value, its default when absent, or nil after reporting a bad one.
    private static func readTimeout(_ map: MappingReader, sink: inout DiagnosticSink) -> Double? {
        guard let node = map["timeout"] else { return CommandOptions.defaultTimeout }
        guard case .scalar = node, let seconds = node.float, seconds.isFinite, seconds > 0 else {
            sink.error("'timeout' must be a positive number of seconds, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        guard seconds <= maximumTimeout else {
            sink.error(
                "'timeout' must be at most \(Int(maximumTimeout)) seconds (a week), found \(node.kindDescription)",
                at: node.mark)
            return nil
        }
        return seconds
    }
}
