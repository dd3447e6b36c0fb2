import Foundation
import Yams

extension ManifestLoader {
    /// Loads the plan `reference` names (the manifest's `plan:` value, or `--plan`).
    ///
    /// A plan that cannot be found or read is reported at the `plan:` value (for `--plan`, under that name);
    /// problems inside the plan are reported in the plan's own file.
    /// - Returns: the plan and the folder its `run:` commands may find files in (for a built-in plan, the manifest's).
    static func loadPlan(
        _ reference: String, at mark: Mark?, manifest: URL, isOverride: Bool, registry: RewriterRegistry,
        sink: inout DiagnosticSink
    ) -> (plan: Plan, directory: URL)? {
        let base = isOverride ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/--plan") : manifest
        let source = PlanLoader.source(for: reference, relativeTo: base, registry: registry)
        let text: String
        let directory: URL
        switch source {
        case .builtIn(_, let builtIn):
            text = builtIn
            directory = manifest.deletingLastPathComponent().standardizedFileURL
        case .file(let url, let display):
            directory = url.deletingLastPathComponent()
            switch InputText.readOrDescribe(url) {
            case .success(let read):
                text = read
            case .failure(let failure) where failure.line != nil:
                sink.append([failure.diagnostic(file: display)])
                return nil
            case .failure(let failure):
                var message = "cannot read plan '\(reference)': \(failure.reason) (\(url.path))"
                if !reference.contains("/") {
                    let names = registry.builtInPlans.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                    message =
                        "plan '\(reference)' is neither a built-in plan (\(names)) nor a readable file "
                        + "(\(url.path): \(failure.reason))"
                }
                if isOverride {
                    sink.append([Diagnostic(file: "--plan", message: message)])
                } else {
                    sink.error(message, at: mark)
                }
                return nil
            }
        }
        let name: String
        switch source {
        case .builtIn(let builtInName, _): name = builtInName
        case .file(let url, _): name = PlanLoader.planName(of: url)
        }
        do {
            let plan = try PlanLoader.load(yaml: text, file: source.display, name: name, registry: registry)
            return (plan, directory)
        } catch let error as InputError {
            sink.append(error.diagnostics)
        } catch {
            sink.error("cannot load plan '\(reference)': \(error)", at: mark)
        }
        return nil
    }
}
