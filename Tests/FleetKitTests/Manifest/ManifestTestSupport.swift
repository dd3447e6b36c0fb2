import FleetKit
import Foundation
import Testing

/// The file name inline manifests are loaded as (relative, so messages read `manifests/test.yaml:LINE:COL`).
let inlineManifest = URL(fileURLWithPath: "manifests/test.yaml")

/// Loads inline manifest YAML and returns the printed diagnostics, or an empty list when it loads.
func manifestDiagnostics(_ yaml: String, file: URL = inlineManifest) -> [String] {
    do {
        _ = try ManifestLoader.load(yaml: yaml, file: file)
        return []
    } catch let error as InputError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected error: \(error)"]
    }
}

/// Loads inline plan YAML as `file` and returns the printed diagnostics, or an empty list when it loads.
func planDiagnostics(_ yaml: String, file: String = "Plans/test.yaml") -> [String] {
    do {
        _ = try PlanLoader.load(yaml: yaml, file: file, name: "test")
        return []
    } catch let error as InputError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected error: \(error)"]
    }
}

/// The diagnostics of a plan `Plans/t.yaml` for `rewriter` whose `options` block is `options` (one or more lines,
/// from line 6): the goal, topic, branch and commit around it are valid.
func rewriterOptionDiagnostics(rewriter: String, options: String) -> [String] {
    let yaml = """
        goal: G
        goal_url: https://example.org/g
        topic: t
        branch: b
        rewriter: \(rewriter)
        \(options)
        commit: {subject: S, body: B}
        """
    return planDiagnostics(yaml, file: "Plans/t.yaml")
}

/// The repository's root folder, found from this source file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Manifest
    .deletingLastPathComponent()  // FleetKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// A valid plan's YAML, for tests that need a plan file.
let validPlanYAML = """
    goal: Example goal
    goal_url: https://example.org/goal.html
    topic: example-topic
    branch: example-branch
    rewriter: wsgi-module-paths
    options: {entry_points: keep, release_note: false}
    commit:
      subject: Add {package}.wsgi module
      body: Explains the goal.
      signed_off_by: false

    """
