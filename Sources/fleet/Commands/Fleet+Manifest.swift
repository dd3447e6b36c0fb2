import ArgumentParser
import FleetKit
import Foundation

extension Fleet {
    /// `fleet manifest`; not named `Manifest`, which would hide FleetKit's `Manifest` inside `Fleet`.
    struct MakeManifest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "manifest",
            abstract: "Write a manifest from the governance repository's reference/projects.yaml.",
            discussion: """
                Takes every repository of every non-deprecated deliverable (of the chosen teams), with its team, \
                cloned from https://opendev.org/ on master.
                """
        )

        @Option(name: .long, help: "The governance repository's reference/projects.yaml.")
        var governance: String

        @Option(name: .long, help: "Take only this team (its exact name in projects.yaml); repeatable.")
        var team: [String] = []

        @Option(name: .long, help: "The manifest's plan: a built-in plan name or a path relative to the manifest.")
        var plan = "remove-wsgi_scripts"

        @Option(name: [.short, .long], help: "Write the manifest to this file instead of stdout.")
        var output: String?

        func run() throws {
            let text: String
            do {
                let projects = try InputText.read(URL(fileURLWithPath: governance), file: governance)
                text = try GovernanceImporter.manifest(
                    projectsYAML: projects, file: governance, teams: team, plan: plan)
            } catch let error as InputError {
                throw badInput(error.description)
            }
            guard let output else {
                print(text, terminator: "")
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("\(output): error: cannot write the manifest: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
