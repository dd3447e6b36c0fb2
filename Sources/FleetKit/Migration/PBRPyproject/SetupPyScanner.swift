/// Finds whether a `setup.py` passes `pbr=True` to `setup(` (or `setuptools.setup(`), whatever the spacing and line
/// breaks, ignoring comments and strings.
enum SetupPyScanner {
    /// Whether `source` calls `setup(` with the keyword argument `pbr=True`.
    static func passesPBR(_ source: String) -> Bool {
        let code = Array(codeOnly(source))
        var index = 0
        while let call = nextSetupCall(in: code, from: index) {
            let arguments = argumentsText(of: code, openParen: call)
            if hasPBRTrue(arguments) { return true }
            index = call + 1
        }
        return false
    }

    // MARK: - Private

    /// The index of the `(` of the next `setup(` call at or after `start`: `setup` must not be part of a longer name.
    private static func nextSetupCall(in code: [Character], from start: Int) -> Int? {
        let name = Array("setup")
        var index = start
        while index + name.count <= code.count {
            defer { index += 1 }
            guard Array(code[index..<index + name.count]) == name else { continue }
            if index > 0, isIdentifier(code[index - 1]) { continue }
            var after = index + name.count
            while after < code.count, code[after].isWhitespace { after += 1 }
            if after < code.count, code[after] == "(" { return after }
        }
        return nil
    }

    /// The text between the `(` at `openParen` and its matching `)` (to the end when unbalanced).
    private static func argumentsText(of code: [Character], openParen: Int) -> String {
        var depth = 0
        var index = openParen
        while index < code.count {
            switch code[index] {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if depth == 0 { return String(code[(openParen + 1)..<index]) }
            default: break
            }
            index += 1
        }
        return String(code[(openParen + 1)...])
    }

    /// Whether `arguments` holds the keyword argument `pbr = True` (not `pbr == True`, not `xpbr=True`).
    private static func hasPBRTrue(_ arguments: String) -> Bool {
        let characters = Array(arguments)
        let name = Array("pbr")
        var index = 0
        while index + name.count <= characters.count {
            defer { index += 1 }
            guard Array(characters[index..<index + name.count]) == name,
                index == 0 || !isIdentifier(characters[index - 1])
            else { continue }
            var cursor = index + name.count
            while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
            guard cursor < characters.count, characters[cursor] == "=" else { continue }
            cursor += 1
            guard cursor < characters.count, characters[cursor] != "=" else { continue }
            while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
            let value = Array("True")
            guard cursor + value.count <= characters.count,
                Array(characters[cursor..<cursor + value.count]) == value
            else { continue }
            let end = cursor + value.count
            if end == characters.count || !isIdentifier(characters[end]) { return true }
        }
        return false
    }

    private static func isIdentifier(_ character: Character) -> Bool {
        character == "_" || character.isLetter || character.isNumber
    }

    /// `source` with comments removed and every string literal replaced by an empty one, so that text in strings or
    /// comments (`# pbr=True`) never counts.
    private static func codeOnly(_ source: String) -> String {
        var output = ""
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "#" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            guard character == "\"" || character == "'" else {
                output.append(character)
                index += 1
                continue
            }
            let isTriple =
                index + 2 < characters.count && characters[index + 1] == character && characters[index + 2] == character
            let quoteLength = isTriple ? 3 : 1
            index += quoteLength
            while index < characters.count {
                if characters[index] == "\\" {
                    index += 2
                    continue
                }
                if characters[index] == character,
                    !isTriple
                        || (index + 2 < characters.count && characters[index + 1] == character
                            && characters[index + 2] == character)
                {
                    index += quoteLength
                    break
                }
                // An unterminated one-line string ends at the line's end.
                if !isTriple, characters[index] == "\n" { break }
                index += 1
            }
            output += "''"
        }
        return output
    }
}
