import Foundation
import GitKit
import Synchronization

/// What a whole run produced.
public struct RunOutcome: Sendable {
    /// The summary, as written to `summary.json`.
    public var summary: Summary
    /// Where the report was written.
    public var reportDirectory: URL
    /// The workspace used.
    public var workspace: Workspace
    /// A dry run's diffs, by repo name.
    public var diffs: [String: String]
    /// Why the report could not be written (a full disk, say), or nil when it was.
    public var reportError: String?
}

/// Runs a manifest: selects repos, runs each through the pipeline on the worker lanes, and writes the report.
public struct FleetRunner: Sendable {
    let manifest: Manifest
    let options: RunOptions

    /// Makes a runner for a loaded manifest.
    public init(manifest: Manifest, options: RunOptions) {
        self.manifest = manifest
        self.options = options
    }

    /// Runs the job.
    ///
    /// Per-repo problems become results; only workspace and report problems throw.
    /// - Parameters:
    ///   - cancellation: set it (from a signal handler) to stop starting repos and abort transfers.
    ///   - events: progress, called from worker threads.
    /// - Returns: the summary, the report folder, the workspace and a dry run's diffs; a report that could not be
    ///   written is named in ``RunOutcome/reportError``.
    /// - Throws: ``InputError`` for unknown `--only` names, unusable run folders, a missing commit identity or an
    ///   unusable rewriter; ``FleetError`` when the workspace is in use; the file system's error when the workspace
    ///   cannot be prepared.
    public func run(
        cancellation: CancellationFlag = CancellationFlag(),
        events: @escaping @Sendable (ProgressEvent) -> Void = { _ in }
    ) throws -> RunOutcome {
        let started = Date()
        let specs = try RepoSelection.select(manifest, options: options).map { spec in
            var spec = spec
            spec.url = CloneURL.resolve(spec.url, relativeTo: manifest.file)
            return spec
        }
        let rewriter = try makeRewriter(cancellation: cancellation)
        let workspace = Workspace(root: options.workspace ?? Workspace.defaultRoot(for: manifest.file))
        let reportDirectory = options.reportDirectory ?? workspace.defaultReportFolder(for: manifest)
        let folderProblems = RunFolders.problems(
            workspace: workspace.root, reportDirectory: options.dryRun ? nil : reportDirectory,
            reportOption: options.reportDirectory == nil ? "the report folder" : "--report-dir")
        if !folderProblems.isEmpty { throw InputError(folderProblems) }
        // Refused before any repo is touched: a commit by an invented identity would be refused by Gerrit.
        if !options.dryRun, options.fallbackIdentity == nil, CommitIdentity.fromUserConfiguration() == nil {
            throw InputError([Diagnostic(file: manifest.file.path, message: CommitIdentity.missingMessage)])
        }
        try FileManager.default.createDirectory(at: workspace.root, withIntermediateDirectories: true)
        let lock = try WorkspaceLock(workspace: workspace)
        // libgit2 sends it as `git/2.0 (<agent>)`, so opendev logs show which tool cloned.
        try? LibGit2.setUserAgent("fleet/\(FleetVersion.current) libgit2/\(LibGit2.version)")
        try workspace.prepare()

        let context = RunContext(
            plan: manifest.plan, workspace: workspace, rewriter: rewriter, force: options.force,
            dryRun: options.dryRun, cancellation: cancellation, events: events,
            fallbackIdentity: options.fallbackIdentity)
        let pipeline = RepoPipeline(context: context)
        // A repo with no clone yet is rewritten unless it fails first; a run where every repo has one is most often
        // all up to date, and starts nothing it may not need.
        if options.force || specs.contains(where: { !workspace.hasClone(for: $0.name) }) {
            rewriter.prepareForRewrites()
        }
        let slots = Mutex<[RepoRun?]>(Array(repeating: nil, count: specs.count))
        WorkerLanes.run(count: specs.count, width: options.jobs, shouldStop: { cancellation.isCancelled }) { index in
            let outcome = pipeline.perform(specs[index])
            slots.withLock { $0[index] = outcome }
        }
        let outcomes = slots.withLock { $0 }
        // What the rewriter started for verification stops beside the report's rendering, not after it.
        let finishing = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: finishing) { rewriter.finishRewrites() }
        defer { finishing.wait() }
        // Results in manifest order, whatever the scheduling; repos an interruption never started say so.
        let results = zip(specs, outcomes).map { spec, outcome in
            outcome?.result
                ?? RepoResult(
                    name: spec.name, status: .failed, path: workspace.clonePath(for: spec.name).path,
                    branch: manifest.plan.branch, team: spec.team, message: "not started: the run was interrupted")
        }
        var patches: [String: String] = [:]
        var diffs: [String: String] = [:]
        for case (let spec, let outcome?) in zip(specs, outcomes) {
            if let patch = outcome.patch { patches[spec.name] = patch }
            if let diff = outcome.diff { diffs[spec.name] = diff }
        }
        var summary = Summary(
            plan: manifest.plan.name, rewriter: manifest.plan.rewriter, goal: manifest.plan.goal,
            topic: manifest.plan.topic, started: started,
            durationSeconds: Date().timeIntervalSince(started), repos: results)
        // A dry run leaves the last real report alone: `fleet push` reads it.
        var reportError: String?
        if !options.dryRun {
            // The results are worth printing even when the report cannot be written (a full disk).
            do {
                summary = try ReportHistory.recordRun(summary, in: reportDirectory)
                try ReportWriter.write(summary, patches: patches, to: reportDirectory)
            } catch {
                reportError = FileSystemErrorText.describe(error, fallbackPath: reportDirectory.path)
            }
        }
        withExtendedLifetime(lock) {}
        return RunOutcome(
            summary: summary, reportDirectory: reportDirectory, workspace: workspace, diffs: diffs,
            reportError: reportError)
    }

    /// The plan's rewriter, made with the plan's options.
    private func makeRewriter(cancellation: CancellationFlag) throws -> AnyRewriter {
        guard let kind = options.registry.kind(named: manifest.plan.rewriter) else {
            throw InputError([
                Diagnostic(file: manifest.file.path, message: "unknown rewriter '\(manifest.plan.rewriter)'")
            ])
        }
        let environment = RewriterEnvironment(
            planDirectory: manifest.planDirectory, python: options.python, cancellation: cancellation)
        do {
            return try kind.makeRewriter(options: manifest.plan.options, environment: environment)
        } catch {
            throw InputError([
                Diagnostic(
                    file: manifest.file.path, message: "the options of rewriter '\(kind.name)' are unusable: \(error)")
            ])
        }
    }
}
