/// Where one repository ended up after a run; the raw values are the `summary.json` contract.
public enum RepoStatus: String, Codable, Sendable, CaseIterable {
    case migrated
    case alreadyMigrated = "already-migrated"
    case upToDate = "up-to-date"
    case notApplicable = "not-applicable"
    case needsAttention = "needs-attention"
    case failed

    /// Whether this status lets `fleet run` exit 0.
    public var isSuccess: Bool {
        switch self {
        case .migrated, .alreadyMigrated, .upToDate, .notApplicable: true
        case .needsAttention, .failed: false
        }
    }

    /// Whether the repo has a review branch ready to push.
    public var isReadyForReview: Bool { self == .migrated || self == .upToDate }
}
