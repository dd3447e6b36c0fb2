import Foundation

// fleet-bench: micro-benchmarks that need FleetKit in-process. Whole-run timings are scripts in benchmarks/.
let benchmarks: [String: () throws -> Void] = [
    "rewrite": RewriteBenchmark.run,
    "setupcfg": SetupCfgBenchmark.run,
    "python-checker": PythonCheckerBenchmark.run,
    "memory": MemoryProbe.run,
]

let name = CommandLine.arguments.dropFirst().first ?? ""
guard let benchmark = benchmarks[name] else {
    FileHandle.standardError.write(
        Data("usage: fleet-bench <\(benchmarks.keys.sorted().joined(separator: "|"))>\n".utf8))
    exit(64)
}
try benchmark()
