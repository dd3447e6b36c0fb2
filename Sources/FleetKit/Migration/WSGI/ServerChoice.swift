/// What the manifest says about one script: the server module name to use, or to drop the script.
public enum ServerChoice: Sendable, Equatable, Hashable {
    /// Use this server module name (a Python identifier).
    case name(String)
    /// Make no module for this script (with `entry_points: remove`, its entry point goes too).
    case skip
}
