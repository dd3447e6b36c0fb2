/// Where one repo's Gerrit change stands: the `review` object of `summary.json` (DESIGN.md section 7).
public struct ChangeReview: Codable, Sendable, Equatable {
    /// Gerrit's change status.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case new = "NEW"
        case merged = "MERGED"
        case abandoned = "ABANDONED"
    }

    /// The change number (`_number`).
    public var number: Int
    /// `<gerrit>/c/<project>/+/<number>`.
    public var url: String
    /// Gerrit's status of the change.
    public var status: Status
    /// Whether the change is marked work in progress.
    public var workInProgress: Bool
    /// The Verified (CI) vote: the lowest when any is negative, else the highest, else 0.
    public var verified: Int
    /// The Code-Review vote, by the same rule.
    public var codeReview: Int
    /// The Workflow vote, by the same rule.
    public var workflow: Int
    /// Whether Gerrit would submit the change now.
    public var submittable: Bool
    /// When the change last changed, ISO-8601 UTC.
    public var updated: String
    /// When fleet asked, ISO-8601 UTC.
    public var checked: String

    /// Makes a review record.
    public init(
        number: Int, url: String, status: Status, workInProgress: Bool = false, verified: Int = 0, codeReview: Int = 0,
        workflow: Int = 0, submittable: Bool = false, updated: String, checked: String
    ) {
        self.number = number
        self.url = url
        self.status = status
        self.workInProgress = workInProgress
        self.verified = verified
        self.codeReview = codeReview
        self.workflow = workflow
        self.submittable = submittable
        self.updated = updated
        self.checked = checked
    }

    /// The state a person reads first: merged, abandoned, work in progress, failing CI, or in review.
    public var state: ReviewState {
        switch status {
        case .merged: .merged
        case .abandoned: .abandoned
        case .new where workInProgress: .workInProgress
        case .new where verified < 0: .failingCI
        case .new: .inReview
        }
    }
}

/// A review state for people, as the reports and `fleet status` show it.
public enum ReviewState: String, Sendable, CaseIterable {
    case merged
    case inReview = "in review"
    case failingCI = "failing CI"
    case workInProgress = "WIP"
    case abandoned
    case noChange = "no change"

    /// The CSS class suffix of the state's badge.
    var cssName: String {
        switch self {
        case .merged: "merged"
        case .inReview: "open"
        case .failingCI: "failing"
        case .workInProgress: "wip"
        case .abandoned: "abandoned"
        case .noChange: "none"
        }
    }
}

/// What `fleet status` found for a repo: a change, or none (`"review": null`).
public enum ReviewRecord: Codable, Sendable, Equatable {
    /// Gerrit has no change with the repo's Change-Id, project and target branch.
    case notFound
    /// The repo's change.
    case found(ChangeReview)

    /// The change, when one was found.
    public var change: ChangeReview? {
        if case .found(let change) = self { change } else { nil }
    }

    /// The state for people.
    public var state: ReviewState { change?.state ?? .noChange }

    /// Reads `null` as ``notFound``, an object as ``found(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .notFound : .found(try container.decode(ChangeReview.self))
    }

    /// Writes ``notFound`` as `null`, a change as its object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .notFound: try container.encodeNil()
        case .found(let change): try container.encode(change)
        }
    }
}

extension KeyedDecodingContainer {
    /// Reads `review`: an absent key is "never asked" (nil), `null` is ``ReviewRecord/notFound``.
    ///
    /// The synthesized `Decodable` of ``RepoResult`` calls this overload for its `review` property, which keeps the
    /// difference between a summary `fleet status` never saw and a repo with no change.
    func decodeIfPresent(_ type: ReviewRecord.Type, forKey key: Key) throws -> ReviewRecord? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .notFound }
        return .found(try decode(ChangeReview.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// Writes `review`: nothing when never asked, `null` when no change was found, else the object.
    mutating func encodeIfPresent(_ value: ReviewRecord?, forKey key: Key) throws {
        switch value {
        case nil: break
        case .notFound?: try encodeNil(forKey: key)
        case .found(let change)?: try encode(change, forKey: key)
        }
    }
}
