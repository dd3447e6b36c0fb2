/// A failure of fleet itself, outside one repository: the workspace, the report, an internal bug.
public enum FleetError: Error, Equatable, CustomStringConvertible {
    /// The workspace cannot be used.
    case workspace(String)
    /// The report cannot be written.
    case report(String)
    /// A state fleet believed impossible; a bug to report.
    case `internal`(String)

    public var description: String {
        switch self {
        case .workspace(let message): "workspace: \(message)"
        case .report(let message): "report: \(message)"
        case .internal(let message): "internal error: \(message) (please report this as a fleet bug)"
        }
    }
}
