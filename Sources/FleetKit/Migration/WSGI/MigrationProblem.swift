/// A reason the rewriter stops and hands a repository to a person (`needs-attention`).
///
/// The reason is a lower-case sentence fragment that names `file:line` where it can.
public struct MigrationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the repository needs a person.
    public var reason: String

    /// Makes a problem with `reason`.
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
