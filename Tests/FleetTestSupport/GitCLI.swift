import FleetKit
import Foundation

/// Whether the `git` command-line tool is installed (used only to verify what GitKit wrote).
public let isGitCLIAvailable: Bool = {
    (try? ProcessRunner.run("git", ["--version"]))?.isSuccess ?? false
}()

/// Runs the `git` command-line tool in `directory` with a fixed identity and no user or system config.
public func runGit(_ arguments: [String], in directory: URL? = nil) throws -> ProcessOutput {
    try ProcessRunner.run(
        "git", arguments,
        environment: [
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_AUTHOR_NAME": "Git CLI", "GIT_AUTHOR_EMAIL": "cli@example.org",
            "GIT_COMMITTER_NAME": "Git CLI", "GIT_COMMITTER_EMAIL": "cli@example.org",
        ],
        currentDirectory: directory)
}
