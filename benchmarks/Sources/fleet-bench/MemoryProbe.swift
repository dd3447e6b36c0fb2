import FleetKit
import Foundation
import GitKit

/// Temporary: which per-repo operation leaves memory behind.
enum MemoryProbe {
    static func run() throws {
        let root = CommandLine.arguments[2]
        let op = CommandLine.arguments[3]
        let clones = try FileManager.default.contentsOfDirectory(atPath: root).sorted().map { root + "/" + $0 }
        for round in 0..<600 {
            let path = clones[round % clones.count]
            let repository = try Repository.open(at: path)
            switch op {
            case "status": _ = try repository.status()
            case "patch": _ = try repository.formatPatch(try repository.headCommit()!)
            case "fetch": try repository.fetch(options: .default)
            default: break
            }
            if round % 100 == 0 { print(round, rss()) }
        }
        print("end", rss())
    }

    static func rss() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return status.split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map(String.init) ?? "?"
    }
}
