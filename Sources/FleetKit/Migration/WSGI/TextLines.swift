/// Splits text into lines at `\n` only, by Unicode scalar.
///
/// Swift treats `\r\n` as one `Character`, so splitting a `String` on `"\n"` misses CRLF lines; this keeps the `\r`
/// at the end of each CRLF line instead, so joining with `"\n"` gives the original text back.
enum TextLines {
    /// The lines of `text`, each without its `\n` (a CRLF line keeps its `\r`).
    static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                result.append(text[start..<index])
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        result.append(text[start...])
        return result
    }
}
