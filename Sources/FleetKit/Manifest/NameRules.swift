/// The naming rules manifests and plans are checked against.
public enum NameRules {
    /// Python's hard keywords: not valid as module or package names.
    static let pythonKeywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Whether `name` can be a Python module name: ASCII letters, digits and `_`, not starting with a digit,
    /// not a keyword. (Python allows non-ASCII identifiers; OpenStack module names never use them, so fleet
    /// does not either.)
    public static func isPythonIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !pythonKeywords.contains(name) else { return false }
        guard first == "_" || isASCIILetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || isASCIILetter($0) || ("0"..."9").contains($0) }
    }

    /// Whether `name` is a dotted Python module path such as `nova` or `ironic.inspector`.
    public static func isDottedPythonIdentifier(_ name: String) -> Bool {
        name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isPythonIdentifier(String($0)) }
    }

    /// What is wrong with a repository name, or nil when it is a safe `<namespace>/<repo>`.
    ///
    /// The name becomes the clone's path under the workspace, so it must not be able to leave it: no `..` or `.`
    /// segment, no leading `/`, no backslash; and it has exactly two non-empty segments of letters, digits, `.`,
    /// `_` and `-`.
    public static func problem(withRepositoryName name: String) -> String? {
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || name.contains("\\") || segments.contains(where: { $0 == ".." || $0 == "." }) {
            return "repository name '\(name)' could escape the workspace"
        }
        guard segments.count == 2, segments.allSatisfy({ !$0.isEmpty }) else {
            return "repository name '\(name)' is not '<namespace>/<repo>'"
        }
        let allowed = segments.joined().unicodeScalars.allSatisfy {
            isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard allowed else {
            return "repository name '\(name)' may only use letters, digits, '.', '_' and '-' around its '/'"
        }
        return nil
    }

    /// Whether `name` is usable as a git branch name (the rules of `git check-ref-format --branch`, simplified).
    public static func isBranchName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("/"), !name.hasSuffix("/"),
            !name.hasSuffix("."), !name.hasSuffix(".lock"), !name.contains(".."), !name.contains("//"),
            !name.contains("@{"), name != "@"
        else { return false }
        let forbidden: Set<Unicode.Scalar> = [" ", "~", "^", ":", "?", "*", "[", "\\", "\u{7F}"]
        return name.unicodeScalars.allSatisfy { $0.value >= 0x20 && !forbidden.contains($0) }
            && !name.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
