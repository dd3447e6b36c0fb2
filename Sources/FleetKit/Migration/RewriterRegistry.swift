/// The rewriters a plan's `rewriter:` key can name.
public enum RewriterRegistry {
    /// Every known rewriter name.
    public static let names: [String] = [WSGIModulePathsRewriter.name]

    /// The rewriter called `name`, or nil when none is.
    public static func make(named name: String) -> (any Rewriter)? {
        switch name {
        case WSGIModulePathsRewriter.name: WSGIModulePathsRewriter()
        default: nil
        }
    }
}
