import FleetKit
import Foundation

/// Times parsing a `setup.cfg` of 60,000 keys in one section (0.6 MiB, under the rewriter's 1 MiB cap): the size
/// at which a duplicate check that scanned every earlier key took 140 s.
enum SetupCfgBenchmark {
    /// Timed runs after one warm-up; `fleet-bench setupcfg N` sets N (1 is enough to see the quadratic parser).
    static var runs: Int { CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 10 }
    static let keys = 60_000

    static func run() throws {
        let lines = ["[metadata]", "name = nova", "", "[entry_points]"] + (0..<keys).map { "key\($0) = v" }
        let text = lines.joined(separator: "\n") + "\n"
        print("setup.cfg: \(keys) keys, \(text.utf8.count / 1024) KiB")
        var times: [Double] = []
        let runs = runs
        for run in 0...runs {
            let start = DispatchTime.now()
            let parsed = try SetupCfg(text: text)
            let end = DispatchTime.now()
            guard parsed.section("entry_points")?.entries.count == keys else {
                throw BenchmarkError("unexpected parse of the benchmark file")
            }
            if run > 0 { times.append(Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000) }
        }
        let sorted = times.sorted()
        print(
            String(
                format: "parse: min %.1f ms, median %.1f ms, max %.1f ms over %d runs", sorted[0],
                sorted[sorted.count / 2], sorted[sorted.count - 1], sorted.count))
    }
}
