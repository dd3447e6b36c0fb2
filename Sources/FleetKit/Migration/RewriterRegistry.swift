/// The rewriters a plan's `rewriter:` key can name.
public enum RewriterRegistry {
    /// Every known rewriter name.
    public static let names: [String] = ["wsgi-module-paths"]
}
