import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a workspace, so two runs never work on the same clones at once.
///
/// Held through `flock(2)` on `<workspace>/.lock`; the kernel drops it when the process dies, so a killed run
/// never leaves a stale lock behind.
public final class WorkspaceLock {
    private let descriptor: Int32

    /// Takes the lock, or throws at once when another fleet process holds it.
    public init(workspace: Workspace) throws {
        let path = workspace.root.appendingPathComponent(".lock").path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FleetError.workspace("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw FleetError.workspace("workspace '\(workspace.root.path)' is in use by another fleet run")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
