import Foundation

/// Says what a file-system error means in words a person can act on, instead of `NSCocoaErrorDomain Code=640`.
public enum FileSystemErrorText {
    /// A sentence for `error` when it is a full disk; nil for any other error.
    ///
    /// Foundation reports a full disk as `CocoaError.fileWriteOutOfSpace` (or a POSIX `ENOSPC`), libgit2 as a message
    /// ending in strerror's "No space left on device"; both become `no space left on <path>`, naming the file being
    /// written when the error knows it, else `fallbackPath`.
    public static func noSpace(_ error: any Error, fallbackPath: String) -> String? {
        let nsError = error as NSError
        let isFull =
            (nsError.domain == NSCocoaErrorDomain && nsError.code == CocoaError.fileWriteOutOfSpace.rawValue)
            || (nsError.domain == NSPOSIXErrorDomain && nsError.code == Int(ENOSPC))
            || "\(error)".contains("No space left on device")
        guard isFull else { return nil }
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? quotedPath(in: "\(error)") ?? fallbackPath
        return "no space left on \(path): free some space and run again"
    }

    /// A sentence for any error fleet meets outside a repository: a full disk in words, else the error itself.
    public static func describe(_ error: any Error, fallbackPath: String) -> String {
        if let text = noSpace(error, fallbackPath: fallbackPath) { return text }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, let path = nsError.userInfo[NSFilePathErrorKey] as? String {
            let reason = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription
            return "cannot write \(path)" + (reason.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }

    /// The first `'/absolute/path'` quoted in a message (libgit2 quotes the file it failed on).
    private static func quotedPath(in message: String) -> String? {
        guard let start = message.range(of: "'/") else { return nil }
        let rest = message[message.index(after: start.lowerBound)...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }
}
