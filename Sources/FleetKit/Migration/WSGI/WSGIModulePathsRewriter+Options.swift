import Foundation

extension WSGIModulePathsRewriter {
    /// Reads `options:`; missing keys take ``MigrationOptions``' defaults.
    public static func readOptions(_ map: MappingReader?, sink: inout DiagnosticSink) -> MigrationOptions? {
        var options = MigrationOptions()
        guard let map else { return options }
        var isValid = true
        if let node = map["entry_points"] {
            if let policy = node.text.flatMap(EntryPointPolicy.init(rawValue:)) {
                options.entryPoints = policy
            } else {
                sink.error("'entry_points' must be 'remove' or 'keep', found \(node.kindDescription)", at: node.mark)
                isValid = false
            }
        }
        for (key, path) in [("release_note", \MigrationOptions.releaseNote), ("rewrite_uwsgi_ini", \.rewriteUWSGIIni)]
        where map[key] != nil {
            if let value = map.bool(key, sink: &sink) { options[keyPath: path] = value } else { isValid = false }
        }
        return isValid ? options : nil
    }

    /// Checks `package:` and `servers:` in a manifest repo entry.
    public static func checkSettings(in entry: MappingReader, sink: inout DiagnosticSink) {
        WSGISettings.check(entry, sink: &sink)
    }
}
