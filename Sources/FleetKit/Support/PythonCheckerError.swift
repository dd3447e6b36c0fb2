import Foundation

/// Why a ``PythonChecker`` could not say whether a file compiles.
public enum PythonCheckerError: Error, Sendable, Equatable, LocalizedError {
    /// The interpreter could not be started (missing, not executable).
    case cannotStart(interpreter: String, reason: String)
    /// The interpreter exited before answering, twice in a row.
    case exited(interpreter: String, file: String)
    /// The interpreter did not answer in time and was killed.
    case timedOut(after: Duration, file: String)

    /// A lower-case fragment for the repo's report.
    public var errorDescription: String? {
        switch self {
        case .cannotStart(let interpreter, let reason):
            "cannot run \(interpreter) to verify the Python files: \(reason)"
        case .exited(let interpreter, let file):
            "python checker (\(interpreter)) exited while compiling \(file), twice; is it a working Python 3?"
        case .timedOut(let limit, let file):
            "python checker timed out after \(limit) compiling \(file); it was stopped"
        }
    }
}
