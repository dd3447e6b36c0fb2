import ArgumentParser
import FleetKit
import GitKit

@main
struct Fleet: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make one change across a fleet of git repositories and hand back review-ready branches.",
        version: FleetVersion.current,
        subcommands: [
            Run.self, Push.self, Status.self, Abandon.self, Report.self, Validate.self, MakeManifest.self, Demo.self,
        ]
    )

    /// Starts libgit2 (its TLS set-up, 4 ms) on another core while the arguments and the manifest are read.
    static func main() {
        LibGit2.bootstrapInBackground()
        main(nil)
    }
}
