import Dispatch
import Foundation
import Synchronization

/// Keeps at least `pace` seconds between two pushes to the same review host, whichever lanes make them.
///
/// Pushes to one host take turns (one at a time), and each starts no sooner than `pace` after the previous one to that
/// host ended; pushes to different hosts do not wait for each other.
final class PushPacer: Sendable {
    private final class Host: Sendable {
        let turn = DispatchSemaphore(value: 1)
        let lastEnd = Mutex<Date?>(nil)
    }

    private let pace: TimeInterval
    private let hosts = Mutex<[String: Host]>([:])

    init(pace: TimeInterval) { self.pace = pace }

    /// Runs `push` in `host`'s turn, after waiting out the pace.
    func run<T, E: Error>(host: String, _ push: () throws(E) -> T) throws(E) -> T {
        guard pace > 0 else { return try push() }
        let gate = hosts.withLock { hosts in
            if let gate = hosts[host] { return gate }
            let gate = Host()
            hosts[host] = gate
            return gate
        }
        gate.turn.wait()
        defer { gate.turn.signal() }
        if let lastEnd = gate.lastEnd.withLock({ $0 }) {
            let wait = lastEnd.addingTimeInterval(pace).timeIntervalSinceNow
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
        // A failed push counts too: it reached the host.
        defer { gate.lastEnd.withLock { $0 = Date() } }
        return try push()
    }

    /// The host a remote URL pushes to (see ``ReviewRemote/host(of:)``), or `local` for a path.
    static func host(of remote: String) -> String { ReviewRemote.host(of: remote) ?? "local" }
}
