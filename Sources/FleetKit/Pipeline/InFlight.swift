import Foundation

/// The in-flight marker: written while a worker may leave the clone half-changed, removed when it is done.
enum InFlight {
    /// Records that `job` is working, and whether it has begun writing the work tree.
    static func mark(_ job: RepoJob, isRewriting: Bool) throws {
        let marker = InFlightMarker(previousBranchTip: job.previousTip?.hex, isRewriting: isRewriting)
        try writeAtomically(JSONEncoder().encode(marker), to: job.context.workspace.inFlightPath(for: job.spec.name))
    }

    /// Reads the marker a killed run left, if any.
    static func leftover(for name: String, in workspace: Workspace) -> InFlightMarker? {
        guard let data = try? Data(contentsOf: workspace.inFlightPath(for: name)) else { return nil }
        return (try? JSONDecoder().decode(InFlightMarker.self, from: data)) ?? InFlightMarker(isRewriting: true)
    }

    /// Removes the marker: the clone is in a state the next run can trust.
    static func clear(_ name: String, in workspace: Workspace) {
        try? FileManager.default.removeItem(at: workspace.inFlightPath(for: name))
    }
}
