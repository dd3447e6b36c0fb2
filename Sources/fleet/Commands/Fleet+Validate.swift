import ArgumentParser
import FleetKit
import Foundation

extension Fleet {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and validate a manifest and its plan, touching no repository.",
            discussion: "Prints every problem as file:line:column and exits 64 when there is any."
        )

        @Argument(help: "The manifest file.")
        var manifest: String

        @Option(help: "Validate the manifest with another plan: a built-in plan name or a plan file.")
        var plan: String?

        func run() throws {
            let loaded = try loadManifest(manifest, plan: plan)
            let count = loaded.repos.count
            print("\(manifest): OK, \(count) \(count == 1 ? "repo" : "repos"), plan \(loaded.planReference)")
        }
    }
}
