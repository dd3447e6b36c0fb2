import FleetKit
import Foundation

/// Times the long-lived python checker: its start, one check, and checks from 4 threads (fleet's default --jobs)
/// served by one interpreter or two, to choose the pool width.
enum PythonCheckerBenchmark {
    static func run() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "fleet-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("api.py").path
        let module =
            "import threading\n\nfrom nova.api.openstack.compute import wsgi\n\n"
            + "application = None\nlock = threading.Lock()\n\n\ndef init():\n    return wsgi.init_application()\n"
        try Data(module.utf8).write(to: URL(fileURLWithPath: file))

        for run in 0..<3 {
            let checker = PythonChecker()
            let start = DispatchTime.now()
            _ = try checker.check(file, name: "api.py")
            print("start + first check (run \(run)): \(String(format: "%.1f", milliseconds(start, .now()))) ms")
        }
        let checker = PythonChecker()
        _ = try checker.check(file, name: "api.py")
        let count = 2000
        var start = DispatchTime.now()
        for _ in 0..<count { _ = try checker.check(file, name: "api.py") }
        print(
            "one thread, one interpreter: \(String(format: "%.3f", milliseconds(start, .now()) / Double(count))) ms a check"
        )

        for width in [1, 2, 4] {
            let pool = PythonChecker(width: width)
            DispatchQueue.concurrentPerform(iterations: width) { _ in _ = try? pool.check(file, name: "api.py") }
            start = DispatchTime.now()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                for _ in 0..<(count / 4) { _ = try? pool.check(file, name: "api.py") }
            }
            let each = milliseconds(start, .now()) / Double(count)
            print("4 threads, \(width) interpreter(s): \(String(format: "%.3f", each)) ms a check (wall / checks)")
        }
    }
}

private func milliseconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
    Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}
