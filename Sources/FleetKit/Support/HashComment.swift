/// Lines whose comments start with `#`, as Python and TOML write them.
enum HashComment {
    /// `line` without its `#` comment; a `#` inside a quoted string stays.
    ///
    /// - Parameters:
    ///   - line: one line of text.
    ///   - escapingQuotes: the quotes inside which a backslash escapes the next character: both in Python, only `"`
    ///     in TOML (its `'` strings are literal).
    /// - Returns: the line up to its comment.
    static func strip(_ line: Substring, escapingQuotes: Set<Character> = ["\"", "'"]) -> Substring {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" && escapingQuotes.contains(open) {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return line[..<index]
            }
        }
        return line
    }
}
