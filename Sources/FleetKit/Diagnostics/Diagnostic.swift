/// A problem with a user's input, located in a file: printed as `file:line:column: error: message`.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    /// The file, as the user named it.
    public var file: String
    /// The 1-based line, or nil when unknown.
    public var line: Int?
    /// The 1-based column, or nil when unknown.
    public var column: Int?
    /// How bad it is.
    public var severity: Severity
    /// A lower-case sentence fragment with user values quoted.
    public var message: String

    /// Makes a diagnostic.
    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Bad input: one or more located problems, all reported at once.
///
/// Maps to exit status 64.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found.
    public var diagnostics: [Diagnostic]

    /// Makes an input error.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
