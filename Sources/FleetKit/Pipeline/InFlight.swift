import Foundation
import GitKit

/// The in-flight marker: written while a worker may leave the clone half-changed, removed when it is done.
enum InFlight {
    /// Records that the repo `name` is being worked on under `plan`, the review branch's tip before it moved, and
    /// whether the work tree is being written.
    static func mark(
        _ name: String, branch: String, in workspace: Workspace, previousTip: ObjectID?, isRewriting: Bool
    ) throws {
        let marker = InFlightMarker(previousBranchTip: previousTip?.hex, isRewriting: isRewriting)
        let path = workspace.inFlightPath(for: name, branch: branch)
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try writeAtomically(JSONEncoder().encode(marker), to: path)
    }

    /// Reads the marker a killed run left, if any.
    ///
    /// A marker left where releases before plug-ins wrote it counts too: the clone is the same.
    static func leftover(for name: String, branch: String, in workspace: Workspace) -> InFlightMarker? {
        let paths = [workspace.inFlightPath(for: name, branch: branch), workspace.legacyInFlightPath(for: name)]
        guard let data = paths.lazy.compactMap({ try? Data(contentsOf: $0) }).first else { return nil }
        return (try? JSONDecoder().decode(InFlightMarker.self, from: data)) ?? InFlightMarker(isRewriting: true)
    }

    /// Whether a killed run of any plan left the clone of `name` in flight: the clone is shared by every plan, so
    /// another plan's half-written tree or stale lock is fleet's own to repair too.
    static func anyLeftover(for name: String, in workspace: Workspace) -> Bool {
        let file = Workspace.flatName(name) + ".inflight"
        let folder = workspace.root.appendingPathComponent("state", isDirectory: true)
        let plans = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return plans.contains { FileManager.default.fileExists(atPath: folder.path + "/" + $0 + "/" + file) }
    }

    /// Removes the marker: the clone is in a state the next run can trust.
    static func clear(_ name: String, branch: String, in workspace: Workspace) {
        try? FileManager.default.removeItem(at: workspace.inFlightPath(for: name, branch: branch))
        try? FileManager.default.removeItem(at: workspace.legacyInFlightPath(for: name))
    }
}
