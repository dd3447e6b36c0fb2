import Foundation

/// Checks the workspace and report folders a run was given, before it touches anything.
public enum RunFolders {
    /// The files and folders a fleet report folder holds (``ReportWriter``), beside hidden temporary files.
    static let reportEntries: Set<String> = Set(ReportFormats.all.map(\.fileName)).union([
        "patches", ReportHistory.fileName,
    ])

    /// What is wrong with the workspace and report folders, as bad-input diagnostics naming each path.
    ///
    /// A path naming a file, or below one, cannot be a folder. A report folder must be absent, empty or a fleet
    /// report already (`--report-dir /` would otherwise scatter report files over someone's folder).
    /// - Parameters:
    ///   - workspace: the workspace folder.
    ///   - reportDirectory: the report folder.
    ///   - workspaceOption: how the user named the workspace, for messages (`--workspace`).
    ///   - reportOption: how the user named the report folder (`--report-dir`).
    /// - Returns: one diagnostic per folder that cannot be used; empty when both can.
    public static func problems(
        workspace: URL?, reportDirectory: URL?, workspaceOption: String = "--workspace",
        reportOption: String = "--report-dir"
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let workspace, let problem = folderProblem(workspace, option: workspaceOption) {
            diagnostics.append(problem)
        }
        // A report folder inside a workspace that cannot be made would only repeat the workspace's problem.
        let isInsideBadWorkspace =
            !diagnostics.isEmpty && workspace.map { reportDirectory?.path.hasPrefix($0.path + "/") == true } == true
        if let reportDirectory, !isInsideBadWorkspace {
            if let problem = folderProblem(reportDirectory, option: reportOption) {
                diagnostics.append(problem)
            } else if let problem = foreignContents(reportDirectory, option: reportOption) {
                diagnostics.append(problem)
            }
        }
        return diagnostics
    }

    /// The path, or its nearest existing ancestor, is not a folder.
    private static func folderProblem(_ url: URL, option: String) -> Diagnostic? {
        var candidate = url.standardizedFileURL
        while true {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) {
                if isFolder.boolValue { return nil }
                let message =
                    candidate == url.standardizedFileURL
                    ? "\(option) is a file, not a folder"
                    : "\(option) cannot be made: '\(candidate.path)' is a file, not a folder"
                return Diagnostic(file: url.path, message: message)
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
    }

    /// The report folder holds something other than a fleet report.
    private static func foreignContents(_ url: URL, option: String) -> Diagnostic? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return nil }
        let foreign = entries.filter { !$0.hasPrefix(".") && !reportEntries.contains($0) }.sorted()
        guard !foreign.isEmpty, !entries.contains("summary.json") else { return nil }
        return Diagnostic(
            file: url.path,
            message: "\(option) is a folder that is not empty and holds no fleet report "
                + "(it has \(foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", "))"
                + (foreign.count > 3 ? ", ..." : "") + "); name an empty or new folder")
    }
}
