import Foundation
import Yams

extension ManifestLoader {
    /// Loads the plan the manifest's `plan:` names. A plan that cannot be found or read is reported at the
    /// `plan:` value; problems inside the plan are reported in the plan's own file.
    static func loadPlan(_ map: MappingReader, manifest: URL, sink: inout DiagnosticSink) -> Plan? {
        guard map.require("plan", place: "in the manifest", sink: &sink),
            let reference = map.string("plan", sink: &sink)
        else { return nil }
        let mark = map["plan"]?.mark
        let source = PlanLoader.source(for: reference, relativeTo: manifest)
        let text: String
        switch source {
        case let .builtIn(_, builtIn):
            text = builtIn
        case let .file(url, display):
            switch InputText.readOrDescribe(url) {
            case let .success(read):
                text = read
            case let .failure(failure) where failure.line != nil:
                sink.append([failure.diagnostic(file: display)])
                return nil
            case let .failure(failure):
                var message = "cannot read plan '\(reference)': \(failure.reason) (\(url.path))"
                if !reference.contains("/") {
                    let names = BuiltInPlans.names.map { "'\($0)'" }.joined(separator: ", ")
                    message = "plan '\(reference)' is neither a built-in plan (\(names)) nor a readable file "
                        + "(\(url.path): \(failure.reason))"
                }
                sink.error(message, at: mark)
                return nil
            }
        }
        do {
            return try PlanLoader.load(yaml: text, file: source.display)
        } catch let error as InputError {
            sink.append(error.diagnostics)
        } catch {
            sink.error("cannot load plan '\(reference)': \(error)", at: mark)
        }
        return nil
    }
}
