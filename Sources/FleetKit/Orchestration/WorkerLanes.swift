import Dispatch
import Foundation

/// Runs blocking work items on `width` serial queues ("lanes") that pull the next index from a shared cursor.
///
/// On Linux a concurrent queue runs blocking work only about core-count wide and adds threads slowly; lanes of
/// serial queues get their own threads at once (measured in notes/libgit2-swift-spike.md, pitfall 12). Network
/// clones and fetches block on I/O, so this is how `--jobs` of them really run at once.
///
/// An item that must wait for something shared to get ready, not for its own work (the run's Python checker
/// starting: 0.1 s through a pyenv shim), can wait inside ``whileWaiting(_:)``: its lane gives up its place, a new
/// lane starts the next item, and the waiting item takes a place back, ahead of new items, once it is ready. At
/// most `width` items are worked on at once, and at most ``waitingPerLane`` times as many more wait like this (each
/// has a thread): through a pyenv shim the checker takes 0.1 s to start, about four repos on a lane, and ten times
/// that on a cold cache or behind slower hooks; a waiting repo holds its clone open, some 0.25 MB.
public enum WorkerLanes {
    /// How many items may wait in ``whileWaiting(_:)`` for each lane.
    public static let waitingPerLane = 16

    /// Calls `work(index)` for every index in `0..<count`, at most `width` at a time, and returns when all are done.
    /// - Parameters:
    ///   - count: the number of work items.
    ///   - width: how many items may run at once (the number of lanes).
    ///   - shouldStop: polled before each item is started; once it returns true no new item starts.
    ///   - work: the item's work, called with its index on one of the lanes.
    public static func run(
        count: Int, width: Int, shouldStop: @escaping @Sendable () -> Bool = { false },
        _ work: @escaping @Sendable (Int) -> Void
    ) {
        guard count > 0 else { return }
        LanePool(count: count, width: max(1, min(width, count)), shouldStop: shouldStop, work: work).run()
    }

    /// Runs `body`, a wait for something shared to get ready, with the calling lane's place handed to a new lane
    /// meanwhile; outside a lane, or when as many items as may already wait, it just runs `body`.
    ///
    /// `body` must leave the lane holding nothing another item may wait for: the lane then waits for a place back,
    /// and the items holding the places would wait for it.
    public static func whileWaiting<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard let pool = LanePool.current, pool.park() else { return try body() }
        defer { pool.unpark() }
        return try body()
    }
}

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
