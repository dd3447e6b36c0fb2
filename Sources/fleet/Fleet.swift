import ArgumentParser
import FleetKit

@main
struct Fleet: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make one change across a fleet of git repositories and hand back review-ready branches.",
        version: FleetVersion.current,
        subcommands: [
            Run.self, Push.self, Status.self, Abandon.self, Report.self, Validate.self, MakeManifest.self, Demo.self,
        ]
    )
}
