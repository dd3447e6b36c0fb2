import Foundation
import Yams

extension PBRPyprojectRewriter {
    /// Reads `options:`: `requires` must be a non-empty list of non-empty, one-line requirement strings.
    public static func readOptions(_ map: MappingReader?, sink: inout DiagnosticSink) -> PyprojectOptions? {
        guard let node = map?["requires"] else { return PyprojectOptions() }
        guard case .sequence(let sequence) = node else {
            sink.error("'requires' must be a list of requirement strings, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        guard !sequence.isEmpty else {
            sink.error("'requires' must list at least one requirement, such as 'pbr>=6.1.1'", at: node.mark)
            return nil
        }
        var requires: [String] = []
        for item in sequence {
            guard case .scalar = item, let text = item.text else {
                sink.error(
                    "each entry of 'requires' must be a requirement string, found \(item.kindDescription)",
                    at: item.mark)
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                sink.error("an entry of 'requires' is empty", at: item.mark)
            } else if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                sink.error(
                    "the requirement '\(trimmed)' must be on one line, without control characters", at: item.mark)
            } else {
                requires.append(trimmed)
            }
        }
        return requires.count == sequence.count ? PyprojectOptions(requires: requires) : nil
    }
}
