import Foundation

// MARK: - What counts as a reference to a script

extension FollowUpScanner {
    /// devstack functions whose arguments are service names, not scripts (`enable_service aodh-api`).
    static let devstackServiceFunctions: Set<String> = [
        "enable_service", "disable_service", "is_service_enabled", "run_process", "stop_process", "service_check",
    ]

    /// Apache directives whose argument is a process or application group name, not a script.
    static let apacheGroupDirectives = ["WSGIDaemonProcess", "WSGIProcessGroup", "WSGIApplicationGroup"]

    /// Whether `line` uses `script` as a file or a command.
    ///
    /// A use is preceded by the start of the line, whitespace, a quote, a backtick, `/` or `=`, and followed by the
    /// end of the line, whitespace, a quote, a backtick, `)`, `;`, `}` or `]` — so not `freezer-api-wsgi.socket`,
    /// `logs/placement-api.log` or `http://cloudkitty-api:8889`. Arguments of
    /// devstack's service functions and Apache's `WSGIDaemonProcess`/`WSGIProcessGroup`/`WSGIApplicationGroup` lines
    /// name services and process groups, so they do not count.
    static func references(_ line: Substring, _ script: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if apacheGroupDirectives.contains(where: { trimmed.hasPrefix($0) }) { return false }
        var searchStart = line.startIndex
        while let range = line[searchStart...].range(of: script) {
            searchStart = range.upperBound
            let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
            let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
            guard before.map(isBoundaryBefore) ?? true, after.map(isBoundaryAfter) ?? true else { continue }
            if isDevstackServiceArgument(line[..<range.lowerBound]) { continue }
            return true
        }
        return false
    }

    /// Whether `file` is an inventory of host names (`hosts`, `tools/ovn_migration/hosts.sample`).
    static func isHostsFile(_ file: String) -> Bool {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name == "hosts" || name.hasPrefix("hosts.")
    }

    /// The value of a uWSGI `wsgi-file` set on `line`: an ini key (`wsgi-file = x`, `wsgi-file: x`), devstack's
    /// `iniset <file> uwsgi wsgi-file x`, or the `--wsgi-file x` option; nil when the line sets none.
    static func wsgiFileValue(in line: Substring) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard let first = words.first else { return nil }
        let unquote: (Substring) -> String = { String($0.filter { $0 != "\"" && $0 != "'" }) }
        if first.hasPrefix("wsgi-file") {
            let rest = line.drop { $0 == " " || $0 == "\t" }.dropFirst("wsgi-file".count)
                .drop { $0 == " " || $0 == "\t" }
            guard let delimiter = rest.first, delimiter == "=" || delimiter == ":" else { return nil }
            let value = rest.dropFirst().trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            return value.isEmpty ? nil : value
        }
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if word == "--wsgi-file" { return unquote(words[index + 1]) }
            if unquote(word) == "wsgi-file", words.prefix(index).contains("iniset") {
                return unquote(words[index + 1])
            }
        }
        if let option = words.first(where: { $0.hasPrefix("--wsgi-file=") }) {
            return unquote(option.dropFirst("--wsgi-file=".count))
        }
        return nil
    }

    // MARK: - Private

    private static func isBoundaryBefore(_ character: Character) -> Bool {
        character.isWhitespace || "\"'`/=".contains(character)
    }

    private static func isBoundaryAfter(_ character: Character) -> Bool {
        character.isWhitespace || "\"'`);}]".contains(character)
    }

    /// Whether the text before a match ends in `<service function> [name ...] `.
    private static func isDevstackServiceArgument(_ prefix: Substring) -> Bool {
        guard let last = prefix.last, last == " " || last == "\t" else { return false }
        for word in prefix.split(whereSeparator: { $0 == " " || $0 == "\t" }).reversed() {
            if devstackServiceFunctions.contains(String(word)) { return true }
            guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return false }
        }
        return false
    }
}
