/// What the `pbr-pyproject` rewriter records per repo: `"pyproject": {"requires": [...], "buildBackend": "pbr.build"}`
/// in the repo's `summary.json` object.
public struct PyprojectDetails: Codable, Sendable, Equatable {
    /// The build system a repo's `pyproject.toml` declares (or, once written, the one fleet wrote).
    public struct BuildSystem: Codable, Sendable, Equatable {
        /// The `[build-system] requires` list, as far as fleet read or wrote it.
        public var requires: [String]
        /// The `build-backend` value; nil when the table names none.
        public var buildBackend: String?

        /// Makes a build-system record.
        public init(requires: [String], buildBackend: String?) {
            self.requires = requires
            self.buildBackend = buildBackend
        }
    }

    /// The build system: the file written, or what an existing `pyproject.toml` declares; nil when none was read.
    public var pyproject: BuildSystem?

    /// Makes details.
    public init(pyproject: BuildSystem? = nil) {
        self.pyproject = pyproject
    }
}
