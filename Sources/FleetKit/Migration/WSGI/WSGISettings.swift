import Foundation
import Yams

/// The manifest keys the `wsgi-module-paths` rewriter reads from a repo entry: `package:` and `servers:`.
public struct WSGISettings: Codable, Sendable, Equatable {
    /// The import package, overriding discovery.
    public var package: String?
    /// Script name → server module choice.
    public var servers: [String: ServerChoice]

    /// Makes settings.
    public init(package: String? = nil, servers: [String: ServerChoice] = [:]) {
        self.package = package
        self.servers = servers
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try container.decodeIfPresent(String.self, forKey: .package)
        servers = try container.decodeIfPresent([String: ServerChoice].self, forKey: .servers) ?? [:]
    }

    /// Checks `package:` (a dotted Python module path) and `servers:` (script → identifier or `skip`).
    static func check(_ entry: MappingReader, sink: inout DiagnosticSink) {
        if let package = entry.string("package", sink: &sink), !NameRules.isDottedPythonIdentifier(package) {
            sink.error("'package' '\(package)' is not a dotted Python identifier", at: entry["package"]?.mark)
        }
        guard let node = entry["servers"], let map = MappingReader(node, what: "'servers'", sink: &sink) else { return }
        for server in map.entries {
            guard !server.key.trimmingCharacters(in: .whitespaces).isEmpty else {
                sink.error("empty script name in 'servers'", at: server.keyNode.mark)
                continue
            }
            switch server.value.text {
            case "skip":
                continue
            case .some(let name) where NameRules.isPythonIdentifier(name):
                continue
            default:
                let message =
                    "server for script '\(server.key)' must be a Python identifier or 'skip', "
                    + "found \(server.value.kindDescription)"
                sink.error(message, at: server.value.mark)
            }
        }
    }
}

extension ServerChoice: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = text == "skip" ? .skip : .name(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .skip: try container.encode("skip")
        case .name(let name): try container.encode(name)
        }
    }
}
