import Foundation

/// The whole run's results: the `summary.json` machine contract (`fleet.summary/v1`).
public struct Summary: Codable, Sendable, Equatable {
    /// The schema identifier other tools check.
    public static let schemaIdentifier = "fleet.summary/v1"

    public var schema: String
    public var goal: String
    public var topic: String
    public var started: String
    public var durationSeconds: Double
    public var totals: [String: Int]
    public var repos: [RepoResult]

    /// Makes a summary, computing `totals` from `repos`.
    public init(goal: String, topic: String, started: Date, durationSeconds: Double, repos: [RepoResult]) {
        self.schema = Self.schemaIdentifier
        self.goal = goal
        self.topic = topic
        self.started = Self.timestamp(started)
        self.durationSeconds = durationSeconds
        self.repos = repos
        self.totals = Self.totals(of: repos)
    }

    /// Counts per status, with every status present and `repos` holding the total.
    public static func totals(of repos: [RepoResult]) -> [String: Int] {
        var totals = ["repos": repos.count]
        for status in RepoStatus.allCases {
            totals[status.rawValue] = repos.count { $0.status == status }
        }
        return totals
    }

    /// Whether every repository ended in a success status.
    public var isSuccess: Bool { repos.allSatisfy(\.status.isSuccess) }

    /// An ISO-8601 UTC timestamp with seconds.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The JSON text, keys sorted for stable diffs, slashes unescaped.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a `summary.json`.
    public static func load(from url: URL) throws -> Summary {
        try JSONDecoder().decode(Summary.self, from: Data(contentsOf: url))
    }
}
