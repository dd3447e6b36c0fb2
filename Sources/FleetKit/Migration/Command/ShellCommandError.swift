/// Why a shell command could not be started.
struct ShellCommandError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) { self.description = description }
}
