import Dispatch
import Foundation

/// The lanes of one ``WorkerLanes/run(count:width:shouldStop:_:)``: who works, who waits, who may start.
final class LanePool: @unchecked Sendable {
    /// The pool whose item the current thread is working on.
    @TaskLocal static var current: LanePool?

    private let count: Int
    private let width: Int
    private let shouldStop: @Sendable () -> Bool
    private let work: @Sendable (Int) -> Void
    private let group = DispatchGroup()
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var cursor = 0
    private var lanes = 0
    /// Items being worked on: at most `width`.
    private var working = 0
    /// Items waiting in `whileWaiting` (their lanes hold no place): at most `width` times `waitingPerLane`.
    private var parked = 0
    /// Items done waiting, waiting for a place back; they go before new items.
    private var resuming = 0

    init(count: Int, width: Int, shouldStop: @escaping @Sendable () -> Bool, work: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.width = width
        self.shouldStop = shouldStop
        self.work = work
    }

    func run() {
        condition.lock()
        for _ in 0..<width { startLane() }
        condition.unlock()
        group.wait()
    }

    /// Hands the calling lane's place on; false when it may not (too many wait already): it keeps its place.
    func park() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard parked < width * WorkerLanes.waitingPerLane else { return false }
        working -= 1
        parked += 1
        // The lanes not waiting stay `width`: one more starts while this one waits.
        if cursor < count { startLane() }
        condition.broadcast()
        return true
    }

    /// Takes a place back for the calling lane, before any lane starts a new item.
    func unpark() {
        condition.lock()
        defer { condition.unlock() }
        parked -= 1
        resuming += 1
        while working >= width { condition.wait() }
        resuming -= 1
        working += 1
        // With no item resuming, a lane waiting in `next()` may start one in a place still free; with fewer items
        // waiting, a lane too many may end.
        condition.broadcast()
    }

    /// Called with `condition` locked.
    private func startLane() {
        lanes += 1
        let queue = DispatchQueue(label: "fleet.lane.\(lanes)")
        queue.async(group: group) { [self] in
            while let index = next() {
                Self.$current.withValue(self) { work(index) }
                condition.lock()
                working -= 1
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// The next index for the calling lane, or nil when it should end: no item is left, the run stops, or it is
    /// one lane too many now that a waiting item took its place back.
    private func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard cursor < count, !shouldStop() else {
                lanes -= 1
                return nil
            }
            // Lanes not parked in `whileWaiting`: this one, the ones working, waiting to resume, or idle here.
            if lanes - parked > width {
                lanes -= 1
                condition.broadcast()
                return nil
            }
            if resuming == 0, working < width {
                working += 1
                cursor += 1
                return cursor - 1
            }
            condition.wait()
        }
    }
}
