import Foundation

/// Writes `data` to `url` through a temporary file and a rename, so readers never see half a file.
func writeAtomically(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    // Not `Data.write(options: .atomic)`: it syncs every file to disk (see FileWriter).
    try FileWriter.writeAtomically(data, to: url.path)
}
