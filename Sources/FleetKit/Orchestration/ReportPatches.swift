import Foundation

/// Reads back the `patches/*.patch` files of a report folder, by repo name, to re-render a report.
public enum ReportPatches {
    /// The patches found, keyed `<namespace>/<repo>`.
    public static func load(from reportDirectory: URL) -> [String: String] {
        let folder = reportDirectory.appendingPathComponent("patches")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var patches: [String: String] = [:]
        for file in files where file.hasSuffix(".patch") {
            let name = String(file.dropLast(".patch".count)).replacingOccurrences(of: "__", with: "/")
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) {
                patches[name] = String(decoding: data, as: UTF8.self)
            }
        }
        return patches
    }
}
