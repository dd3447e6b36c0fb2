/// The version of fleet, recorded in state so a new fleet redoes repos an older one migrated.
public enum FleetVersion {
    /// The current version string.
    public static let current = "0.1.0"
}
