/// Lets the rewriter prove what it wrote (for `wsgi-module-paths`, with Python); a tree that fails is
/// `needs-attention` and is not committed.
struct VerifyStep {
    static let name = "verify"

    func run(_ tree: RewrittenTree) -> RewrittenTree {
        var rewrite = tree.rewrite
        rewrite.outcome = rewrite.verify()
        return RewrittenTree(point: tree.point, rewrite: rewrite)
    }
}
