import ArgumentParser
import FleetKit
import Foundation
import GitKit

extension Fleet {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a sample fleet of OpenStack-shaped repos locally and run the whole job on it, offline.")

        @Option(help: "Where to build the sample fleet (must be empty or absent); default: a new temporary folder.")
        var dir: String?

        @Option(name: .shortAndLong, help: "How many repos to work on at once.")
        var jobs = 4

        @OptionGroup var output: OutputArguments

        func run() throws {
            // libgit2's TLS set-up (4 ms) on another core while the manifest is read.
            LibGit2.bootstrapInBackground()
            let folder = try demoFolder()
            let manifestURL = try DemoFleet.build(in: folder)
            print("demo fleet: \(folder.path)")
            print("manifest:   \(manifestURL.path)\n")
            let manifest = try loadManifest(manifestURL.path)
            var options = RunOptions()
            options.jobs = jobs
            // The sample repos are the demo's own: it runs on a fresh machine whose git has no identity yet.
            options.fallbackIdentity = DemoFleet.identity
            let outcome = try runFleet(manifest, options: options, output: output)
            print(
                """

                Look at a review branch:  git -C \(outcome.workspace.clonePath(for: "openstack/nova").path) show
                Read the report:          \(outcome.reportDirectory.appendingPathComponent("summary.md").path)
                The demo's openstack/zun names a module that does not exist, so needing attention is expected there.
                """)
            // needs-attention is part of the demo; a failed repo means fleet itself broke.
            if outcome.summary.repos.contains(where: { $0.status == .failed }) { throw ExitCode.failure }
        }

        private func demoFolder() throws -> URL {
            let manager = FileManager.default
            guard let dir else {
                let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
                    "fleet-demo-\(UUID().uuidString.prefix(8))")
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
                return url.resolvingSymlinksInPath()
            }
            let url = URL(fileURLWithPath: dir).standardizedFileURL
            if let contents = try? manager.contentsOfDirectory(atPath: url.path), !contents.isEmpty {
                throw badInput("\(url.path): error: the demo folder must be empty or absent")
            }
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
    }
}
