import Foundation

extension GovernanceImporter {
    /// The clone URL prefix of OpenStack repositories.
    static let baseURL = "https://opendev.org/"
    /// The target branch written in `defaults:`.
    static let branch = "master"

    /// Writes the manifest text: a header saying where it came from, then one entry per repository.
    static func render(_ entries: [Entry], file: String, teams: [String], plan: String) -> String {
        let command = (["fleet manifest --governance", quoted(file)] + teams.map { "--team \(quoted($0))" })
            .joined(separator: " ").filter { !$0.isNewline }
        var lines = [
            "# Written by `\(command)`:",
            "# \(entries.count) repositories of non-deprecated deliverables. Edit freely; see manifests/README.md.",
            "version: \(ManifestLoader.supportedVersion)",
            "plan: \(yamlScalar(plan))",
            "defaults:",
            "  base_url: \(baseURL)",
            "  branch: \(branch)",
            "repos:",
        ]
        for entry in entries {
            lines.append("  - name: \(yamlScalar(entry.name))")
            lines.append("    team: \(yamlScalar(entry.team))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let safe = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || " ._/-()".unicodeScalars.contains($0)
        }
        let isPlain =
            safe && !text.isEmpty && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.hasPrefix("-")
            && !reserved.contains(text.lowercased()) && Double(text) == nil
        if isPlain { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20: escaped += String(format: "\\x%02x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }

    /// A shell word for the header comment.
    private static func quoted(_ word: String) -> String {
        let isSafe =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._/-".unicodeScalars.contains($0)
            }
        return isSafe ? word : "'\(word.replacingOccurrences(of: "'", with: "'\\''"))'"
    }
}
