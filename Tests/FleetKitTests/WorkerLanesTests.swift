import FleetKit
import Foundation
import Synchronization
import Testing

@Suite("Worker lanes")
struct WorkerLanesTests {
    @Test("every index runs exactly once, at most `width` at a time, and blocking items overlap")
    func boundedAndComplete() {
        let seen = Mutex<[Int]>([])
        let running = Atomic<Int>(0)
        let peak = Atomic<Int>(0)
        WorkerLanes.run(count: 24, width: 6) { index in
            let now = running.add(1, ordering: .relaxed).newValue
            peak.max(now, ordering: .relaxed)
            usleep(20_000)  // blocking work, like a libgit2 transfer
            running.subtract(1, ordering: .relaxed)
            seen.withLock { $0.append(index) }
        }
        #expect(seen.withLock { $0.sorted() } == Array(0..<24))
        #expect(peak.load(ordering: .relaxed) <= 6)
        // Lanes get threads at once even on 2 cores: blocking items really overlap.
        #expect(peak.load(ordering: .relaxed) >= 4)
    }

    @Test("once shouldStop says so, no new item starts")
    func stops() {
        let started = Atomic<Int>(0)
        WorkerLanes.run(count: 100, width: 2, shouldStop: { started.load(ordering: .relaxed) >= 5 }) { _ in
            started.add(1, ordering: .relaxed)
        }
        #expect(started.load(ordering: .relaxed) < 10)
    }
}

@Suite("Progress reporter")
struct ProgressReporterTests {
    private final class Sink: Sendable {
        let text = Mutex("")
        func write(_ line: String) { text.withLock { $0 += line } }
    }

    @Test("off a terminal it prints one plain line per finished repo, with the reason when not fine")
    func plainLines() {
        let sink = Sink()
        let reporter = ProgressReporter(total: 2, isTerminal: false, write: sink.write)
        reporter.handle(.started(name: "openstack/nova"))
        reporter.handle(.step(name: "openstack/nova", step: "sync"))
        reporter.handle(.transfer(name: "openstack/nova", percent: 40))
        var result = RepoResult(name: "openstack/nova", status: .needsAttention, path: "/w", branch: "b")
        result.message = "setup.cfg:12: no such module"
        reporter.handle(.finished(result))
        let text = sink.text.withLock { $0 }
        #expect(text == "[1/2] openstack/nova: needs-attention (0.0s): setup.cfg:12: no such module\n")
    }

    @Test("on a terminal it keeps live lines per active repo and erases them before results")
    func liveLines() {
        let sink = Sink()
        let reporter = ProgressReporter(total: 1, isTerminal: true, write: sink.write)
        reporter.handle(.started(name: "openstack/heat"))
        reporter.handle(.transfer(name: "openstack/heat", percent: 55))
        let text = sink.text.withLock { $0 }
        #expect(text.contains("  openstack/heat: sync 55%\n"))
        #expect(text.contains("fleet: 0/1 done, 1 running"))
        #expect(text.contains("\u{1B}[2A\u{1B}[J"))
    }
}
