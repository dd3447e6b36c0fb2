import FleetKit
import Foundation
import Synchronization
import Testing

@Suite("Worker lanes")
struct WorkerLanesTests {
    /// A count that goes up and down, and the most it reached.
    private final class Gauge: Sendable {
        private let now = Atomic<Int>(0)
        private let most = Atomic<Int>(0)
        var peak: Int { most.load(ordering: .relaxed) }
        func up() { most.max(now.add(1, ordering: .relaxed).newValue, ordering: .relaxed) }
        func down() { now.subtract(1, ordering: .relaxed) }
    }

    @Test("every index runs exactly once, at most `width` at a time, and blocking items overlap")
    func boundedAndComplete() {
        let seen = Mutex<[Int]>([])
        let running = Gauge()
        WorkerLanes.run(count: 24, width: 6) { index in
            running.up()
            usleep(20_000)  // blocking work, like a libgit2 transfer
            running.down()
            seen.withLock { $0.append(index) }
        }
        #expect(seen.withLock { $0.sorted() } == Array(0..<24))
        #expect(running.peak <= 6)
        // Lanes get threads at once even on 2 cores: blocking items really overlap.
        #expect(running.peak >= 4)
    }

    @Test("an item waiting for something shared hands its lane on: later items run meanwhile, never more than width")
    func handsOnWhileWaiting() {
        let ready = DispatchSemaphore(value: 0)
        let laterDone = Atomic<Int>(0)
        let working = Gauge()
        let waiting = Gauge()
        let timeouts = Atomic<Int>(0)
        WorkerLanes.run(count: 8, width: 2) { index in
            working.up()
            defer { working.down() }
            guard index < 2 else {
                usleep(5_000)
                if laterDone.add(1, ordering: .relaxed).newValue == 2 {
                    ready.signal()
                    ready.signal()
                }
                return
            }
            // Both lanes' first items wait for something only later items make ready: without the hand-on nothing
            // else runs and the wait times out.
            working.down()
            WorkerLanes.whileWaiting {
                waiting.up()
                if ready.wait(timeout: .now() + 10) == .timedOut { timeouts.add(1, ordering: .relaxed) }
                waiting.down()
            }
            working.up()
        }
        #expect(timeouts.load(ordering: .relaxed) == 0)
        #expect(laterDone.load(ordering: .relaxed) == 6)
        #expect(working.peak <= 2)
        #expect(waiting.peak >= 1)
    }

    @Test("an item done waiting takes its place back before any new item starts")
    func waitingGoesFirst() {
        let ready = DispatchSemaphore(value: 0)
        let events = Mutex<[String]>([])
        WorkerLanes.run(count: 4, width: 1) { index in
            events.withLock { $0.append("start \(index)") }
            if index == 0 {
                WorkerLanes.whileWaiting { _ = ready.wait(timeout: .now() + 10) }
            } else if index == 1 {
                ready.signal()
                usleep(50_000)
            }
            events.withLock { $0.append("end \(index)") }
        }
        // Item 1 ran in item 0's place while it waited; then item 0 finished before item 2 began.
        #expect(
            events.withLock { $0 } == ["start 0", "start 1", "end 1", "end 0", "start 2", "end 2", "start 3", "end 3"])
    }

    @Test("a bounded number of items wait with their places handed on; outside a lane whileWaiting just runs its body")
    func boundedWaiting() {
        let waiting = Gauge()
        let done = Atomic<Int>(0)
        let bound = 2 * WorkerLanes.waitingPerLane
        let count = 2 * bound + 10
        WorkerLanes.run(count: count, width: 2) { _ in
            WorkerLanes.whileWaiting {
                waiting.up()
                usleep(100_000)
                waiting.down()
            }
            done.add(1, ordering: .relaxed)
        }
        #expect(done.load(ordering: .relaxed) == count)
        // `bound` items wait with their places handed on, and two more, which may not, wait holding theirs.
        #expect(waiting.peak > bound / 2)
        #expect(waiting.peak <= bound + 2)
        #expect(WorkerLanes.whileWaiting { 42 } == 42)
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
