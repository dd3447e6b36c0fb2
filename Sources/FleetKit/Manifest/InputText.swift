import Foundation

/// Reads a user's input file as UTF-8 text, turning every way that can fail into a clear, located message.
public enum InputText {
    /// Reads the file at `url`.
    /// - Parameters:
    ///   - url: the file to read.
    ///   - file: the name to print in messages (the path as the user gave it).
    /// - Returns: the file's text.
    /// - Throws: ``InputError`` naming the file: missing, a folder, unreadable, or not UTF-8 (with the position
    ///   of the first bad byte).
    public static func read(_ url: URL, file: String) throws -> String {
        switch readOrDescribe(url) {
        case .success(let text): return text
        case .failure(let failure): throw InputError([failure.diagnostic(file: file)])
        }
    }

    /// Why a file could not be read as text.
    struct Failure: Error {
        /// A fragment such as `no such file`.
        var reason: String
        /// Where the bad byte is, for a file that is not UTF-8.
        var line: Int?
        var column: Int?

        /// The message for the file itself.
        var message: String { line == nil ? "cannot read the file: \(reason)" : "the file is \(reason)" }

        func diagnostic(file: String) -> Diagnostic {
            Diagnostic(file: file, line: line, column: column, message: message)
        }
    }

    /// Reads the file at `url`, or says why it cannot.
    static func readOrDescribe(_ url: URL) -> Result<String, Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return .failure(Failure(reason: "no such file"))
        }
        guard !isDirectory.boolValue else { return .failure(Failure(reason: "it is a folder")) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason =
                FileManager.default.isReadableFile(atPath: url.path) ? error.localizedDescription : "permission denied"
            return .failure(Failure(reason: reason))
        }
        if let text = String(data: data, encoding: .utf8) { return .success(text) }
        return .failure(invalidUTF8(data))
    }

    /// Locates the first byte that is not UTF-8, as a 1-based line and column.
    private static func invalidUTF8(_ data: Data) -> Failure {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let byte = offset < data.count ? String(format: " (byte 0x%02x)", data[data.startIndex + offset]) : ""
        return Failure(reason: "not UTF-8 text\(byte)", line: line, column: column)
    }
}
