/// The `pbr-pyproject` rewriter's plan options: what `[build-system] requires` lists.
public struct PyprojectOptions: Codable, Sendable, Equatable {
    /// The build requirements, in order; the default is what OpenStack projects use since pbr 6.1.1.
    public var requires: [String]

    /// Makes options; the default requirement is `pbr>=6.1.1`.
    public init(requires: [String] = ["pbr>=6.1.1"]) {
        self.requires = requires
    }

    /// The `pyproject.toml` the rewriter writes, byte for byte: three lines, each requirement a TOML basic string,
    /// joined by `", "`, and one final newline.
    public var fileText: String {
        let list = requires.map { "\"\(Self.tomlEscaped($0))\"" }.joined(separator: ", ")
        return "[build-system]\nrequires = [\(list)]\nbuild-backend = \"\(PBRPyprojectRewriter.backend)\"\n"
    }

    /// `text` as the inside of a TOML basic string (requirement markers may quote, as in `python_version<"3.12"`).
    static func tomlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
