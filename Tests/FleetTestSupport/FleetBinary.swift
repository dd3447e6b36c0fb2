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

/// Runs the built `fleet` binary with `arguments` and returns what it printed and its exit status.
public func runFleet(
    _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil
) throws -> ProcessOutput {
    try ProcessRunner.run(fleetExecutable.path, arguments, environment: environment, currentDirectory: currentDirectory)
}
