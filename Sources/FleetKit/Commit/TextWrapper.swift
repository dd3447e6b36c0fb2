/// Word wrapping for commit messages: breaks only at spaces, so URLs and module paths are never split.
enum TextWrapper {
    /// Wraps each line of `text` to `width` columns; a word longer than the width gets a line of its own.
    ///
    /// Lines are wrapped one by one, so the author's own line breaks and blank lines stay. A wrapped line's
    /// continuation is indented like the line, plus two columns when it is a `- `/`* ` bullet.
    static func wrap(_ text: String, width: Int = 72) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// Wraps one line; see ``wrap(_:width:)``.
    static func wrapLine(_ line: String, width: Int = 72) -> String {
        let trimmed = line.trimmingTrailingSpaces()
        guard trimmed.count > width else { return trimmed }
        let leading = String(trimmed.prefix { $0 == " " })
        let rest = trimmed.dropFirst(leading.count)
        let bullet = rest.hasPrefix("- ") || rest.hasPrefix("* ")
        let hanging = leading + (bullet ? "  " : "")
        var lines: [String] = []
        var current = leading
        var currentHasWord = false
        for word in rest.split(separator: " ") {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = hanging + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string without trailing spaces and tabs.
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
