/// Runs blocking work items on `width` serial queues ("lanes") that pull the next index from a shared cursor.
///
/// On Linux a concurrent queue runs blocking work only about core-count wide and adds threads slowly; lanes of
/// serial queues get their own threads at once (measured in notes/libgit2-swift-spike.md, pitfall 12). Network
/// clones and fetches block on I/O, so this is how `--jobs` of them really run at once.
///
/// An item that must wait for something shared to get ready, not for its own work (the run's Python checker
/// starting), can wait inside ``whileWaiting(_:)``: its lane gives up its place, a new lane starts the next item, and
/// the waiting item takes a place back, ahead of new items, once it is ready. At most `width` items are worked on at
/// once, and at most ``waitingPerLane`` times as many more wait like this (each has a thread): through a pyenv shim
/// the checker takes 0.1 s to start, about four repos on a lane, and ten times that on a cold cache or behind slower
/// hooks; a waiting repo holds its clone open, some 0.25 MB.
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
    /// meanwhile; outside a lane, or when as many items wait already as may, it just runs `body`.
    ///
    /// `body` must leave the lane holding nothing another item may wait for: the lane then waits for a place back,
    /// and the items holding the places would wait for it.
    public static func whileWaiting<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard let pool = LanePool.current, pool.park() else { return try body() }
        defer { pool.unpark() }
        return try body()
    }
}
