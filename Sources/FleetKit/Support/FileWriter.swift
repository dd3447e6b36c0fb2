import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files with plain `open`/`write`/`rename`, without the `fsync` Foundation's `Data.write` does on every call.
///
/// fleet's files need to survive a killed fleet, not a lost machine: a rename is atomic for every other process,
/// which is all the in-flight marker, the state and the report need, and git itself does not sync work-tree files.
/// Measured on a cold run of 108 repos: ten `fsync` calls a repo at 4–6 ms each on this VM's disk, the largest cost
/// fleet added to the clones.
enum FileWriter {
    /// Writes `data` to `path`, creating or truncating the file (mode 0666 less the umask, or the file's own).
    /// - Throws: ``FileWriteError`` naming the path and the system's reason.
    static func write(_ data: Data, to path: String) throws(FileWriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// Writes `data` to a new file beside `path` and renames it over `path`, so readers never see half a file.
    /// - Throws: ``FileWriteError`` naming the path and the system's reason.
    static func writeAtomically(_ data: Data, to path: String) throws(FileWriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/." + name + ".fleet-" + UUID().uuidString.prefix(8)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        do throws(FileWriteError) {
            try writeAll(data, to: descriptor, path: path)
            guard rename(temporary, path) == 0 else { throw FileWriteError(path: path, code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes every byte and closes `descriptor`, whatever happens.
    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(FileWriteError) {
        defer { close(descriptor) }
        let failure: Int32? = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = posixWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        if let failure { throw FileWriteError(path: path, code: failure) }
    }
}

/// `write(2)`, named apart from ``FileWriter/write(_:to:)``.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

/// A file ``FileWriter`` could not write.
///
/// It bridges to a POSIX `NSError` carrying the path, as Foundation's own write errors do, so
/// ``FileSystemErrorText`` words a full disk the same way.
struct FileWriteError: Error, Equatable, LocalizedError, CustomNSError, CustomStringConvertible {
    /// The file.
    var path: String
    /// The `errno` of the failed call.
    var code: Int32

    /// The system's reason, lower-case: "permission denied".
    var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// "cannot write <path>: <reason>".
    var errorDescription: String? { "cannot write \(path): \(reason)" }

    /// The same sentence.
    var description: String { "cannot write \(path): \(reason)" }

    /// POSIX: the code is an `errno`.
    static var errorDomain: String { NSPOSIXErrorDomain }

    /// The `errno`.
    var errorCode: Int { Int(code) }

    /// The file, and the sentence.
    var errorUserInfo: [String: Any] {
        [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot write \(path): \(reason)"]
    }
}
