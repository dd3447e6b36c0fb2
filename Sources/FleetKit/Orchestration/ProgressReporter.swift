import Foundation
import Synchronization

/// The one place progress is printed from: workers send events, this serialises them onto stderr.
///
/// On a terminal it keeps one live line per active repo under an overall counter; elsewhere (CI, a pipe) it
/// prints one plain line per repo as it finishes.
public final class ProgressReporter: Sendable {
    /// How much to print.
    public enum Verbosity: Sendable {
        case quiet, normal, verbose
    }

    private struct State {
        var finished = 0
        var active: [String: String] = [:]
        var order: [String] = []
        var drawnLines = 0
    }

    private let total: Int
    private let isTerminal: Bool
    private let verbosity: Verbosity
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// Makes a reporter for a run of `total` repos.
    /// - Parameters:
    ///   - total: the number of repos in the run.
    ///   - verbosity: how much to say.
    ///   - isTerminal: whether to keep live lines per active repo rather than print plain lines; true by default
    ///     when standard error is a terminal.
    ///   - write: where text goes; standard error by default.
    public init(
        total: Int, verbosity: Verbosity = .normal, isTerminal: Bool = isatty(STDERR_FILENO) == 1,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.total = total
        self.verbosity = verbosity
        self.isTerminal = isTerminal
        self.write = write
    }

    /// Takes one event; safe to call from any thread.
    public func handle(_ event: ProgressEvent) {
        state.withLock { state in
            switch event {
            case .started(let name):
                state.active[name] = "starting"
                state.order.append(name)
            case .step(let name, let step):
                state.active[name] = step
                if verbosity == .verbose && !isTerminal { write("\(name): \(step)\n") }
            case .transfer(let name, let percent):
                state.active[name] = "sync \(percent)%"
            case .finished(let result):
                state.finished += 1
                state.active[result.name] = nil
                state.order.removeAll { $0 == result.name }
                if verbosity != .quiet {
                    clear(&state)
                    write(Self.line(for: result, finished: state.finished, total: total))
                    if verbosity == .verbose, !result.steps.isEmpty { write(Self.timings(of: result)) }
                }
            }
            if isTerminal && verbosity != .quiet { redraw(&state) }
        }
    }

    /// Erases the live lines, before the final output.
    public func finish() {
        state.withLock { clear(&$0) }
    }

    /// `[3/24] openstack/nova: migrated, nova.wsgi.api (1.2s)` and the reason for anything not fine.
    static func line(for result: RepoResult, finished: Int, total: Int) -> String {
        var text = "[\(finished)/\(total)] \(result.name): \(result.status.rawValue)"
        let shown = result.highlights.prefix(3).joined(separator: ", ")
        if !shown.isEmpty {
            text += ", " + shown + (result.highlights.count > 3 ? " and \(result.highlights.count - 3) more" : "")
        }
        text += String(format: " (%.1fs)", result.durationSeconds)
        if let message = result.message, !result.status.isSuccess { text += ": \(message)" }
        return text + "\n"
    }

    /// `    steps: sync 0.210s, branch 0.004s, rewrite 0.020s, verify 0.031s, commit 0.012s`, in pipeline order.
    static func timings(of result: RepoResult) -> String {
        let order = [SyncStep.name, BranchStep.name, RewriteStep.name, VerifyStep.name, CommitStep.name]
        let names = order.filter { result.steps[$0] != nil } + result.steps.keys.filter { !order.contains($0) }.sorted()
        let parts = names.map { String(format: "%@ %.3fs", $0, result.steps[$0] ?? 0) }
        return "    steps: " + parts.joined(separator: ", ") + "\n"
    }

    private func clear(_ state: inout State) {
        guard isTerminal, state.drawnLines > 0 else { return }
        write("\u{1B}[\(state.drawnLines)A\u{1B}[J")
        state.drawnLines = 0
    }

    private func redraw(_ state: inout State) {
        clear(&state)
        var lines = ["fleet: \(state.finished)/\(total) done, \(state.active.count) running"]
        lines += state.order.map { "  \($0): \(state.active[$0] ?? "")" }
        write(lines.joined(separator: "\n") + "\n")
        state.drawnLines = lines.count
    }
}
