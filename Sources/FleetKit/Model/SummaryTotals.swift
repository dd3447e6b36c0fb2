/// The `totals` object of `summary.json`: a count per status and `repos`, plus `reviews` once `fleet status` ran.
public struct SummaryTotals: Codable, Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// `repos` and one count per ``RepoStatus`` raw value.
    public var counts: [String: Int]
    /// Where the changes stand in Gerrit; nil until `fleet status` asked.
    public var reviews: ReviewTotals?

    /// Makes totals from counts and review totals.
    public init(counts: [String: Int], reviews: ReviewTotals? = nil) {
        self.counts = counts
        self.reviews = reviews
    }

    /// Makes totals from literal counts, without review totals.
    public init(dictionaryLiteral elements: (String, Int)...) {
        self.init(counts: Dictionary(elements) { _, last in last })
    }

    /// The count stored under `key` (`repos` or a status raw value).
    public subscript(key: String) -> Int? {
        get { counts[key] }
        set { counts[key] = newValue }
    }

    private struct Field: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads the counts and, when present, `reviews`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Field.self)
        var counts: [String: Int] = [:]
        for key in container.allKeys where key.stringValue != "reviews" {
            counts[key.stringValue] = try container.decode(Int.self, forKey: key)
        }
        self.init(
            counts: counts,
            reviews: try container.decodeIfPresent(ReviewTotals.self, forKey: Field(stringValue: "reviews")))
    }

    /// Writes the counts flat, as v1 did, and `reviews` when known.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Field.self)
        for (key, count) in counts { try container.encode(count, forKey: Field(stringValue: key)) }
        try container.encodeIfPresent(reviews, forKey: Field(stringValue: "reviews"))
    }
}

/// `totals.reviews`: how many of the changes fleet made are open, merged or abandoned in Gerrit, or not there.
public struct ReviewTotals: Codable, Sendable, Equatable {
    /// Changes with status `NEW` (work in progress included).
    public var open: Int
    /// Merged changes: the repo is done.
    public var merged: Int
    /// Abandoned changes.
    public var abandoned: Int
    /// Repos with a Change-Id and no change in Gerrit (not pushed yet), or never asked.
    public var none: Int

    /// Makes review totals.
    public init(open: Int = 0, merged: Int = 0, abandoned: Int = 0, none: Int = 0) {
        self.open = open
        self.merged = merged
        self.abandoned = abandoned
        self.none = none
    }

    /// Counts the repos that have a change to track (a Change-Id or a recorded review); nil when `fleet status`
    /// recorded no review in any of them.
    public init?(of repos: [RepoResult]) {
        guard repos.contains(where: { $0.review != nil }) else { return nil }
        self.init()
        for repo in repos where repo.changeId != nil || repo.review != nil {
            switch repo.review?.change?.status {
            case .new?: open += 1
            case .merged?: merged += 1
            case .abandoned?: abandoned += 1
            case nil: none += 1
            }
        }
    }
}
