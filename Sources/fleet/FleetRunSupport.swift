import ArgumentParser
import FleetKit
import Foundation

/// Loads a manifest (with the plan `--plan` names, if any), printing every problem as `file:line:col: error: ...`
/// and exiting 64 on bad input.
func loadManifest(_ path: String, plan: String? = nil) throws -> Manifest {
    do {
        return try ManifestLoader.load(from: URL(fileURLWithPath: path), plan: plan)
    } catch let error as InputError {
        throw badInput(error.description)
    }
}

/// Prints a bad-input message to stderr and returns the exit status for it (64), to throw.
func badInput(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitCode(64)
}

/// Runs the manifest with a progress reporter and Ctrl-C handling, then prints the results to stdout.
func runFleet(_ manifest: Manifest, options: RunOptions, output: OutputArguments) throws -> RunOutcome {
    let cancellation = CancellationFlag()
    let interrupt = InterruptHandler(cancellation: cancellation)
    let total = (try? RepoSelection.select(manifest, options: options).count) ?? manifest.repos.count
    let reporter = ProgressReporter(
        total: total, verbosity: output.quiet ? .quiet : output.verbose ? .verbose : .normal)
    let outcome: RunOutcome
    do {
        outcome = try FleetRunner(manifest: manifest, options: options).run(
            cancellation: cancellation, events: reporter.handle)
    } catch let error as InputError {
        throw badInput(error.description)
    } catch {
        let place = options.workspace ?? manifest.file.deletingLastPathComponent()
        FileHandle.standardError.write(
            Data("fleet: \(FileSystemErrorText.describe(error, fallbackPath: place.path))\n".utf8))
        throw ExitCode.failure
    }
    reporter.finish()
    withExtendedLifetime(interrupt) {}
    if options.dryRun {
        for result in outcome.summary.repos {
            if let diff = outcome.diffs[result.name] { print("# \(result.name)\n\(diff)") }
        }
    }
    print(ResultsTable.render(outcome.summary))
    if outcome.reportError != nil {
        print("report: not written")
    } else {
        let dryRunNote = "dry run: no branch, commit or report written"
        print(options.dryRun ? dryRunNote : "report: \(outcome.reportDirectory.path)")
    }
    print("clones: \(outcome.workspace.root.appendingPathComponent("repos").path)")
    if cancellation.isCancelled { FileHandle.standardError.write(Data("fleet: interrupted\n".utf8)) }
    if let reportError = outcome.reportError {
        FileHandle.standardError.write(Data("fleet: the report was not written: \(reportError)\n".utf8))
        throw ExitCode.failure
    }
    return outcome
}

/// Turns the first Ctrl-C (or SIGTERM) into a cancelled run, and a second Ctrl-C into an immediate exit.
final class InterruptHandler {
    private var sources: [any DispatchSourceSignal] = []

    init(cancellation: CancellationFlag) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if cancellation.isCancelled { exit(130) }
                cancellation.cancel()
                FileHandle.standardError.write(
                    Data(
                        "\nfleet: interrupting: no new repos start; finishing the report (Ctrl-C again to quit)\n".utf8)
                )
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
