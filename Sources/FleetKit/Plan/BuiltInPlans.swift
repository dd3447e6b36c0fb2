/// The plans compiled into the binary, so that `plan: <name>` works from any folder.
///
/// Each rewriter brings its own plans (``Rewriter/builtInPlans``), byte-for-byte copies of `Plans/<name>.yaml` (a
/// test checks that); when you change a plan file, paste the new text into the rewriter's copy.
public enum BuiltInPlans {
    /// Plan name → YAML text, from every built-in rewriter.
    public static let sources: [String: String] = RewriterRegistry.builtIn.builtInPlans

    /// The built-in plan names, sorted.
    public static var names: [String] { sources.keys.sorted() }
}
