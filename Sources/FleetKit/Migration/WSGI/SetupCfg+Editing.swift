// MARK: - Editing

extension SetupCfg {
    /// Removes `key` and its continuation lines from `[section]`, and the section too when no key is left in it.
    ///
    /// Every other line keeps its bytes. A section left empty loses its header and the lines under it; when it was
    /// the last section, the blank lines that separated it from the one before go as well.
    /// - Returns: whether the section was removed.
    @discardableResult
    mutating func removeEntry(_ key: String, from sectionName: String) throws(MigrationProblem) -> Bool {
        guard let section = section(sectionName), let entry = section.entry(key) else { return false }
        // An indented comment right after the value reads as part of it (a commented-out script): it goes too.
        let keyIndent = indentation(of: lines[entry.line - 1].text)
        var last = entry.lastLine
        while last < lines.count, isComment(lines[last].text), indentation(of: lines[last].text) > keyIndent {
            last += 1
        }
        try removeLines(entry.line...last)
        guard let shrunk = self.section(sectionName), shrunk.entries.isEmpty else { return false }
        var first = shrunk.headerLine
        if shrunk.lastLine == lines.count {
            while first > 1, lines[first - 2].text.allSatisfy({ $0 == " " || $0 == "\t" }) { first -= 1 }
        }
        try removeLines(first...shrunk.lastLine)
        return true
    }

    private func indentation(of text: String) -> Int { text.prefix { $0 == " " || $0 == "\t" }.count }

    private func isComment(_ text: String) -> Bool {
        let stripped = text.drop { $0 == " " || $0 == "\t" }
        return stripped.hasPrefix("#") || stripped.hasPrefix(";")
    }
}
