import Yams

/// Collects the located problems found in one input file, so that loading reports all of them at once.
public struct DiagnosticSink {
    /// The file, as the user named it.
    public let file: String
    /// Every problem found so far, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Makes an empty sink for `file`.
    public init(file: String) {
        self.file = file
    }

    /// Whether any problem was found.
    public var hasErrors: Bool { !diagnostics.isEmpty }

    /// Records an error at `mark` (line 1, column 1 when the position is unknown).
    public mutating func error(_ message: String, at mark: Mark?) {
        diagnostics.append(
            Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    /// Records diagnostics found elsewhere (for example in a plan file a manifest names).
    public mutating func append(_ others: [Diagnostic]) {
        diagnostics.append(contentsOf: others)
    }

    /// The diagnostics of this file in document order (stable for problems at one position), then any others.
    public var sorted: [Diagnostic] {
        let own = diagnostics.enumerated().filter { $0.element.file == file }
            .sorted { lhs, rhs in
                let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
                let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
                return left < right
            }
            .map(\.element)
        return own + diagnostics.filter { $0.file != file }
    }
}
