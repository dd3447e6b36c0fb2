/// Lets the rewriter prove what it wrote (for `wsgi-module-paths`, with Python); a tree that fails is
/// `needs-attention` and is not committed.
struct VerifyStep {
    static let name = "verify"

    func run(_ tree: RewrittenTree) -> RewrittenTree {
        var rewrite = tree.rewrite
        rewrite.outcome = rewrite.verify()
        // A tree that failed verification is thrown away: whatever the rewrite found, the criterion does not hold.
        if rewrite.outcome != .migrated, rewrite.criteriaMet != nil { rewrite.criteriaMet = false }
        return RewrittenTree(point: tree.point, rewrite: rewrite)
    }
}
