/// Building blocks for reStructuredText that parses without warnings whatever text it is given.
enum RSTText {
    /// A section title and its underline, at least as wide as the title is in columns.
    static func title(_ text: String, underline: Character) -> [String] {
        [text, String(repeating: underline, count: max(columnWidth(text), 1))]
    }

    /// Inline text with every markup character backslash-escaped, on one line.
    ///
    /// `:` is escaped too: a paragraph ending in `::` would otherwise announce a literal block.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in oneLine(text) {
            if "\\`*_|:".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Like ``escape(_:)`` but escaping all ASCII punctuation, for titles that must not read as adornments.
    static func escapeAll(_ text: String) -> String {
        var result = ""
        for character in oneLine(text) {
            if character.isASCII, character.isPunctuation || character.isSymbol { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// An inline literal (` ``text`` `) when the text is safe in one, else escaped text.
    static func literal(_ text: String) -> String {
        let safe =
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/:@+-".contains($0)) }
        return safe ? "``\(text)``" : escape(text)
    }

    /// An anonymous hyperlink (no target name, so many links never clash), or escaped text for an odd URL.
    static func link(_ label: String, _ url: String) -> String {
        let safeURL = !url.isEmpty && !url.contains { $0.isWhitespace || "<>`\\".contains($0) }
        guard safeURL else { return escape("\(label) (\(url))") }
        return "`\(escapeInLink(label)) <\(url)>`__"
    }

    // MARK: - Private

    private static func escapeInLink(_ text: String) -> String {
        String(oneLine(text).filter { !"<>`\\".contains($0) })
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Columns the text takes as docutils counts them: East Asian wide and full-width characters take two.
    private static func columnWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let isWide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
                || (0x20000...0x3FFFD).contains(value)
            // Combining marks take no column.
            let isCombining = scalar.properties.generalCategory == .nonspacingMark
            return width + (isCombining ? 0 : isWide ? 2 : 1)
        }
    }
}
