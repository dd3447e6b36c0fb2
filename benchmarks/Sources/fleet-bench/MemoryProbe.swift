import FleetKit
import Foundation
import GitKit

/// Resident memory after repeated per-repo git operations on existing clones, to find what a long run leaks.
///
/// usage: fleet-bench memory <folder of clones> <none|status|patch|fetch>. Found with it: libgit2 1.5.1 leaked
/// about 140 KB a fetch through `git_remote_lookup` (see GitKit's Repository+RemoteConfig.swift).
enum MemoryProbe {
    static func run() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4 else { throw BenchmarkError("usage: fleet-bench memory <clones> <operation>") }
        let clones = try FileManager.default.contentsOfDirectory(atPath: arguments[2]).sorted().map {
            arguments[2] + "/" + $0
        }
        guard !clones.isEmpty else { throw BenchmarkError("no clones in \(arguments[2])") }
        for round in 0..<600 {
            let repository = try Repository.open(at: clones[round % clones.count])
            switch arguments[3] {
            case "status": _ = try repository.status()
            case "patch": if let head = try repository.headCommit() { _ = try repository.formatPatch(head) }
            case "fetch": try repository.fetch()
            default: break
            }
            if round % 100 == 0 { print("after \(round) operations: \(residentMemory())") }
        }
        print("after 600 operations: \(residentMemory())")
    }

    private static func residentMemory() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return status.split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map(String.init) ?? "?"
    }
}
