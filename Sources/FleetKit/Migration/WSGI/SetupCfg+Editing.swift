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
        try removeLines(entry.line...entry.lastLine)
        guard let shrunk = self.section(sectionName), shrunk.entries.isEmpty else { return false }
        var first = shrunk.headerLine
        if shrunk.lastLine == lines.count {
            while first > 1, lines[first - 2].text.allSatisfy({ $0 == " " || $0 == "\t" }) { first -= 1 }
        }
        try removeLines(first...shrunk.lastLine)
        return true
    }
}
