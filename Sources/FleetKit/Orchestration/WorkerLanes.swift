import Dispatch
import Synchronization

/// Runs blocking work items on `width` serial queues ("lanes") that pull the next index from a shared cursor.
///
/// On Linux a concurrent queue runs blocking work only about core-count wide and adds threads slowly; lanes of
/// serial queues get their own threads at once (measured in notes/libgit2-swift-spike.md, pitfall 12). Network
/// clones and fetches block on I/O, so this is how `--jobs` of them really run at once.
public enum WorkerLanes {
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
        let cursor = Atomic<Int>(0)
        let group = DispatchGroup()
        for lane in 0..<max(1, min(width, count)) {
            let queue = DispatchQueue(label: "fleet.lane.\(lane)")
            queue.async(group: group) {
                while !shouldStop() {
                    let index = cursor.add(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    work(index)
                }
            }
        }
        group.wait()
    }
}
