import Foundation

/// The `command` rewriter: runs the plan's shell command in each clone and commits whatever it changed, as
/// multi-gitter and turbolift do (DESIGN.md section 3b).
///
/// The command runs by `/bin/sh -c` in the clone's root, in its own process group, with `FLEET_REPO`,
/// `FLEET_TARGET_BRANCH` and `FLEET_PLAN_DIR` added to the environment. Exit 0 with changes is `migrated`, exit 0
/// without is `not-applicable`, anything else (a failure, a signal, the timeout, Ctrl-C) is `needs-attention`. The
/// rewriter finds the changed paths by comparing snapshots of the tree (see ``TreeSnapshot``); which of them git
/// ignores is for the commit step to decide.
public struct CommandRewriter: Rewriter {
    public typealias Options = CommandOptions
    /// No manifest keys.
    public typealias Settings = NoSettings
    public typealias Details = CommandDetails
    /// Nothing: the command's own exit status is its verification.
    public typealias Pending = Void

    /// The plan's `rewriter:` value.
    public static let name = "command"
    /// The keys of `options:`.
    public static let optionKeys = ["run", "timeout"]
    /// A command has no completion criterion: `criteriaMet` is null.
    public static let hasCompletionCriterion = false
    /// The highlight is how the command ended.
    public static let presentation = RewriterPresentation(highlightsTitle: "Command", highlightsVerb: "after")
    /// How many output lines `summary.json` keeps.
    public static let outputLines = 20
    /// How many changed paths the commit message lists before it counts the rest.
    public static let listedPaths = 100

    /// The plan options.
    public var options: CommandOptions
    /// The plan's folder and the run's cancellation.
    public var environment: RewriterEnvironment

    /// Makes the rewriter for a run.
    public init(options: CommandOptions, environment: RewriterEnvironment) {
        self.options = options
        self.environment = environment
    }

    /// `exit 0`, `exit 3`, or nothing when the command did not exit by itself.
    public static func highlights(of details: CommandDetails) -> [String] {
        details.command?.exitStatus.map { ["exit \($0)"] } ?? []
    }

    /// Runs the command in the clone and classifies what it did.
    public func rewrite(_ request: RewriteRequest<Settings>) -> Rewrite<CommandDetails, Void> {
        let before = TreeSnapshot(of: request.root)
        let command = ShellCommand(
            script: options.run, directory: request.root,
            environment: [
                "FLEET_REPO": request.projectName, "FLEET_TARGET_BRANCH": request.targetBranch,
                "FLEET_PLAN_DIR": environment.planDirectory.path,
            ],
            timeout: options.timeout, cancellation: environment.cancellation)
        let result: ShellCommand.Result
        do {
            result = try command.run()
        } catch {
            return Rewrite(outcome: .needsAttention(reason: "the command could not be started: \(error)"))
        }
        var exitStatus: Int?
        if case .exited(let status) = result.ending { exitStatus = Int(status) }
        let details = CommandDetails(command: .init(exitStatus: exitStatus, output: Self.output(of: result)))
        switch result.ending {
        case .exited(0):
            let changed = TreeSnapshot(of: request.root, previous: before).changedPaths(since: before)
            guard !changed.isEmpty else {
                return Rewrite(outcome: .notApplicable(reason: "the command changed nothing"), details: details)
            }
            return Rewrite(outcome: .migrated, details: details, changedPaths: changed, pending: ())
        case .exited(let status):
            let reason = "the command exited with status \(status)\(Self.lastLines(result))"
            return Rewrite(outcome: .needsAttention(reason: reason), details: details)
        case .signalled(let signal):
            let reason = "the command was killed by signal \(signal)\(Self.lastLines(result))"
            return Rewrite(outcome: .needsAttention(reason: reason), details: details)
        case .timedOut:
            let reason = "timed out after \(Self.seconds(options.timeout)) s; fleet killed the command and its children"
            return Rewrite(outcome: .needsAttention(reason: reason), details: details)
        case .interrupted:
            return Rewrite(
                outcome: .needsAttention(reason: "interrupted: fleet killed the command and its children"),
                details: details)
        }
    }

    /// The command's exit status already said whether it worked.
    public func verify(_ rewrite: Rewrite<CommandDetails, Void>, request: RewriteRequest<Settings>) -> RewriteOutcome {
        rewrite.outcome
    }

    /// The changed files, one per line (the first ``listedPaths`` of them, then how many more).
    public func commitText(for rewrite: Rewrite<CommandDetails, Void>) -> CommitText {
        let paths = rewrite.changedPaths
        guard !paths.isEmpty else { return CommitText(paragraphs: []) }
        var lines = paths.prefix(Self.listedPaths).map { "  \($0)" }
        if paths.count > Self.listedPaths { lines.append("  and \(paths.count - Self.listedPaths) more") }
        let heading = paths.count == 1 ? "The file changed:" : "The \(paths.count) files changed:"
        return CommitText(paragraphs: [heading + "\n\n" + lines.joined(separator: "\n")])
    }

    // MARK: - Private

    /// The last ``outputLines`` lines of stdout followed by stderr.
    private static func output(of result: ShellCommand.Result) -> String {
        let lines = nonEmptyLines(result.stdout) + nonEmptyLines(result.stderr)
        return lines.suffix(outputLines).joined(separator: "\n")
    }

    /// `: ` and the last lines of stderr (of stdout when stderr is empty), joined by ` | ` to stay on one line.
    private static func lastLines(_ result: ShellCommand.Result) -> String {
        let stderr = nonEmptyLines(result.stderr)
        let lines = (stderr.isEmpty ? nonEmptyLines(result.stdout) : stderr).suffix(5)
        return lines.isEmpty ? " and printed nothing" : ": " + lines.joined(separator: " | ")
    }

    private static func nonEmptyLines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// `600` or `0.5`.
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }
}
