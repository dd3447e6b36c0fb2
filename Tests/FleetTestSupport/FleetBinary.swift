import FleetKit
import Foundation

/// The built `fleet` executable, found beside the test bundle in the build folder.
public var fleetExecutable: URL {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("fleet")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    // SwiftPM puts test bundles and executables in the same products folder.
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return products.appendingPathComponent("fleet")
}

/// The git identity every `fleet` the tests run commits as, whatever the machine's git config says.
///
/// fleet refuses to commit without an identity. A test overrides these (empty means unset) to see another, or none.
public let fleetTestIdentity = [
    "GIT_AUTHOR_NAME": "Fleet Test", "GIT_AUTHOR_EMAIL": "fleet-test@example.org",
    "GIT_COMMITTER_NAME": "Fleet Test", "GIT_COMMITTER_EMAIL": "fleet-test@example.org",
]

/// Runs the built `fleet` binary with `arguments` and returns what it printed and its exit status.
///
/// The binary gets ``fleetTestIdentity`` unless `environment` overrides it.
public func runFleet(
    _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil
) throws -> ProcessOutput {
    try ProcessRunner.run(
        fleetExecutable.path, arguments, environment: fleetTestIdentity.merging(environment) { $1 },
        currentDirectory: currentDirectory)
}
