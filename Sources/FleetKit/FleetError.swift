/// A failure of fleet itself, outside one repository: the workspace, the report, an internal bug.
public enum FleetError: Error, Equatable, CustomStringConvertible {
    /// The workspace cannot be used.
    case workspace(String)
    /// A state fleet believed impossible; a bug to report.
    case `internal`(String)

    public var description: String {
        switch self {
        case .workspace(let message): "workspace: \(message)"
        case .internal(let message): "internal error: \(message) (please report this as a fleet bug)"
        }
    }
}
