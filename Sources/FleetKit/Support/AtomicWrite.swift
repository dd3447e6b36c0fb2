import Foundation

/// Writes `data` to `url` through a temporary file and a rename, so readers never see half a file.
func writeAtomically(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
}
