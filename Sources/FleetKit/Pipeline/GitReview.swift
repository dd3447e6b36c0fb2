/// The `.gitreview` file OpenStack repositories carry: where Gerrit is and which branch changes target.
public struct GitReview: Sendable, Equatable {
    /// The Gerrit host, such as `review.opendev.org`.
    public var host: String?
    /// The Gerrit SSH port (29418 when unset).
    public var port: Int
    /// The Gerrit project, such as `openstack/nova.git`.
    public var project: String?
    /// The branch changes target by default.
    public var defaultBranch: String?

    /// Parses the `[gerrit]` section of a `.gitreview` file.
    public init(parsing text: String) {
        var values: [String: String] = [:]
        var inGerrit = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                inGerrit = line.lowercased() == "[gerrit]"
            } else if inGerrit, !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=") {
                let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                values[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            }
        }
        host = values["host"].flatMap { $0.isEmpty ? nil : $0 }
        port = values["port"].flatMap(Int.init) ?? 29418
        project = values["project"].flatMap { $0.isEmpty ? nil : $0 }
        defaultBranch = values["defaultbranch"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The review remote Gerrit takes pushes on: `ssh://<host>:<port>/<project>`, or nil without a host and project.
    public var reviewURL: String? {
        guard let host, let project else { return nil }
        return "ssh://\(host):\(port)/\(project)"
    }
}
